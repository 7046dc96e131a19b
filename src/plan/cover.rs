//! Choosing the cheapest set of scopes that authorizes every call: an exact minimum-cost hitting
//! set. Requirements implied by smaller ones are dropped and the rest split into independent groups
//! (requirements that share no scope), each searched exhaustively; with BigCommerce's scopes a
//! group is one scope family, or orders with order transactions, so the search is tiny.

use crate::scope_set::ScopeSet;
use crate::tables::Scope;
use strum::VariantArray;

/// A set of scopes as bits (bit `n` is the scope with discriminant `n`).
pub(crate) type Mask = u128;

/// Search nodes per group before the best set found so far is taken (never reached with the
/// current data; a safeguard against pathological input).
const BUDGET: usize = 100_000;

pub(crate) fn bit(s: Scope) -> Mask {
    1u128 << (s as u32)
}

pub(crate) fn scopes(mask: Mask) -> impl Iterator<Item = Scope> {
    Scope::VARIANTS.iter().copied().filter(move |s| mask & bit(*s) != 0)
}

pub(crate) fn to_set(mask: Mask) -> ScopeSet {
    scopes(mask).collect()
}

pub(crate) fn from_set(set: &ScopeSet) -> Mask {
    set.iter().fold(0, |m, s| m | bit(s))
}

/// Every scope that authorizes a call accepting `accepted`: each accepted scope, and every scope
/// that implies one.
pub(crate) fn authorizers(accepted: &[Scope]) -> Mask {
    Scope::VARIANTS.iter().filter(|s| accepted.iter().any(|a| s.satisfies(*a))).fold(0, |m, s| m | bit(*s))
}

/// Whether `a` is preferred to `b` among sets of equal cost: the first scope (in data order) where
/// they differ is in `a`.
fn preferred(a: Mask, b: Mask) -> bool {
    let d = a ^ b;
    d != 0 && a & (d & d.wrapping_neg()) != 0
}

/// The cheapest subset of `pool` with a member in every requirement (each requirement is the set
/// of scopes that would satisfy it); among equally cheap sets, the one whose first differing scope
/// comes first in data order. `None` when some requirement has no member in the pool. `cost` must
/// be at least 1 for every scope.
pub(crate) fn cover(
    requirements: impl IntoIterator<Item = Mask>,
    pool: Mask,
    cost: &dyn Fn(Scope) -> u64,
) -> Option<Mask> {
    let mut reqs = Vec::new();
    for r in requirements {
        let r = r & pool;
        if r == 0 {
            return None;
        }
        reqs.push(r);
    }
    reqs.sort_unstable();
    reqs.dedup();
    // A requirement that contains a smaller one is met whenever the smaller one is.
    let minimal: Vec<Mask> = reqs.iter().copied().filter(|&r| !reqs.iter().any(|&o| o != r && o & r == o)).collect();
    let mut chosen = 0;
    let mut rest = minimal;
    while let Some(first) = rest.pop() {
        let mut group = vec![first];
        let mut bits = first;
        loop {
            let (joined, apart): (Vec<Mask>, Vec<Mask>) = rest.iter().partition(|&&r| r & bits != 0);
            if joined.is_empty() {
                break;
            }
            bits = joined.iter().fold(bits, |b, r| b | r);
            group.extend(joined);
            rest = apart;
        }
        group.sort_unstable();
        let mut search = Search { reqs: &group, cost, best: None, nodes: 0 };
        search.run(0, 0);
        chosen |= search.best.map_or(0, |(_, m)| m);
    }
    Some(chosen)
}

struct Search<'a> {
    reqs: &'a [Mask],
    cost: &'a dyn Fn(Scope) -> u64,
    best: Option<(u64, Mask)>,
    nodes: usize,
}

impl Search<'_> {
    fn run(&mut self, chosen: Mask, spent: u64) {
        self.nodes += 1;
        if let Some((best, _)) = self.best {
            if spent > best || self.nodes > BUDGET {
                return;
            }
        }
        // The open requirement with the fewest options.
        let open = self.reqs.iter().copied().filter(|r| r & chosen == 0).min_by_key(|r| r.count_ones());
        let Some(open) = open else {
            let better = match self.best {
                None => true,
                Some((c, m)) => spent < c || (spent == c && preferred(chosen, m)),
            };
            if better {
                self.best = Some((spent, chosen));
            }
            return;
        };
        let mut options: Vec<(u64, Scope)> = scopes(open).map(|s| ((self.cost)(s), s)).collect();
        options.sort();
        for (c, s) in options {
            self.run(chosen | bit(s), spent + c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Scope::*;

    fn m(s: &[Scope]) -> Mask {
        s.iter().fold(0, |m, s| m | bit(*s))
    }

    #[test]
    fn modify_absorbs_read_only() {
        let reqs = [authorizers(&[StoreV2OrdersReadOnly]), authorizers(&[StoreV2Orders])];
        let pool = m(&[StoreV2OrdersReadOnly, StoreV2Orders]);
        assert_eq!(cover(reqs, pool, &|_| 1), Some(m(&[StoreV2Orders])));
    }

    #[test]
    fn alternatives_pick_the_smaller_set() {
        // GET refunds accepts transactions or orders (read-only); GET orders accepts orders.
        let reqs =
            [authorizers(&[StoreV2TransactionsReadOnly, StoreV2OrdersReadOnly]), authorizers(&[StoreV2OrdersReadOnly])];
        let pool = m(&[StoreV2TransactionsReadOnly, StoreV2OrdersReadOnly]);
        assert_eq!(cover(reqs, pool, &|_| 1), Some(m(&[StoreV2OrdersReadOnly])));
    }

    #[test]
    fn costs_and_ties() {
        let reqs = [m(&[StoreCart, StoreCheckout])];
        assert_eq!(cover(reqs, !0, &|_| 1), Some(m(&[StoreCart])), "ties go to data order");
        assert_eq!(cover(reqs, !0, &|s| if s == StoreCart { 5 } else { 1 }), Some(m(&[StoreCheckout])));
        assert_eq!(cover(reqs, m(&[StoreV2Orders]), &|_| 1), None);
        assert_eq!(cover([], 0, &|_| 1), Some(0));
    }
}
