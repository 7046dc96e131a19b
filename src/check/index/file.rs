//! One file's index: its functions (with parameters, defaults, bodies and what they return) and
//! its classes (with their parent and their members: fields, constants, properties). Read from
//! tokens with a few shapes per language; anything it cannot read is left out, never guessed.

use crate::check::syntax::lang::Language;
use crate::check::syntax::lexer::{Kind, NONE};
use crate::check::syntax::nav::{norm_name, Syntax};

/// A parameter of a function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Param<'s> {
    /// Its name, without `$`, `*`, `&`.
    pub name: &'s str,
    /// The token range of its default value.
    pub default: Option<(usize, usize)>,
    /// The token of its name.
    pub tok: usize,
    /// A constructor parameter that declares a member (`private string $apiHost = …` in PHP,
    /// `private readonly baseUrl: string` in TypeScript).
    pub promoted: bool,
}

/// A function or method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Function<'s> {
    pub name: &'s str,
    /// The token of its name.
    pub name_tok: usize,
    pub params: Vec<Param<'s>>,
    /// The token range of its body (for an expression body, the expression).
    pub body: (usize, usize),
    /// The class (index into [`FileIndex::classes`]) it is a method of.
    pub class: Option<usize>,
    /// What it returns, when its body is one `return` (or one expression): a getter.
    pub returns: Option<(usize, usize)>,
    /// Go: the name its receiver is bound to (`c` of `func (c *Client) Get(…)`), the instance.
    pub receiver: Option<&'s str>,
    /// The function it is defined in (a client factory's methods, a closure).
    pub parent: Option<usize>,
}

impl Function<'_> {
    /// The index of a parameter by name.
    pub(crate) fn param(&self, name: &str) -> Option<usize> {
        self.params.iter().position(|p| p.name == name)
    }

    /// Whether the first parameter is the receiver (`self`, `cls`, `&self`).
    pub(crate) fn takes_self(&self) -> bool {
        self.params.first().is_some_and(|p| matches!(p.name, "self" | "cls"))
    }
}

/// A member of a class: a field, constant or property with a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Member<'s> {
    pub name: &'s str,
    /// The token range of its value.
    pub value: (usize, usize),
    /// The token of its name.
    pub tok: usize,
    /// The function it is assigned in (a constructor, a setup method), if any.
    pub in_function: Option<usize>,
}

/// A class (a struct with methods in Go and Rust; a module in Ruby).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Class<'s> {
    pub name: &'s str,
    pub name_tok: usize,
    /// The class it extends, by its last name segment.
    pub parent: Option<&'s str>,
    /// The token range of its body.
    pub body: (usize, usize),
    pub members: Vec<Member<'s>>,
}

/// One file's functions and classes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FileIndex<'s> {
    pub functions: Vec<Function<'s>>,
    pub classes: Vec<Class<'s>>,
    /// Functions by the start of their bodies (for [`FileIndex::function_at`]).
    fn_order: Vec<(usize, usize)>,
    /// Classes by the start of their bodies, with the class around each.
    cls_order: Vec<(usize, usize)>,
    cls_parent: Vec<Option<usize>>,
}

/// Order `ranges` by start and link each to the innermost range around it: (start, index) pairs
/// and parents by index. Ranges nest or are disjoint.
fn nesting(ranges: impl Iterator<Item = (usize, usize)>) -> (Vec<(usize, usize)>, Vec<Option<usize>>) {
    let ranges: Vec<(usize, usize)> = ranges.collect();
    let mut order: Vec<(usize, usize)> = ranges.iter().enumerate().map(|(i, r)| (r.0, i)).collect();
    order.sort_unstable();
    let mut parent = vec![None; ranges.len()];
    let mut stack: Vec<usize> = Vec::new();
    for &(start, i) in &order {
        while stack.last().is_some_and(|&t| ranges[t].1 <= start) {
            stack.pop();
        }
        parent[i] = stack.last().copied();
        stack.push(i);
    }
    (order, parent)
}

/// The innermost range holding `at`: the last one starting at or before it, or the first of its
/// enclosing ones that still holds it.
fn innermost_at(
    order: &[(usize, usize)],
    parent: impl Fn(usize) -> Option<usize>,
    range: impl Fn(usize) -> (usize, usize),
    at: usize,
) -> Option<usize> {
    let k = order.partition_point(|&(start, _)| start <= at);
    let mut cur = order.get(k.checked_sub(1)?).map(|&(_, i)| i);
    while let Some(i) = cur {
        let (a, b) = range(i);
        if a <= at && at < b {
            return Some(i);
        }
        cur = parent(i);
    }
    None
}

impl<'s> FileIndex<'s> {
    /// Index a file.
    pub(crate) fn build(sx: Syntax<'_, 's>) -> FileIndex<'s> {
        let mut ix = FileIndex::default();
        ix.find_classes(sx);
        (ix.cls_order, ix.cls_parent) = nesting(ix.classes.iter().map(|c| c.body));
        ix.find_functions(sx);
        ix.find_members(sx);
        ix
    }

    /// The innermost function whose body holds token `at`.
    pub(crate) fn function_at(&self, at: usize) -> Option<usize> {
        innermost_at(&self.fn_order, |i| self.functions[i].parent, |i| self.functions[i].body, at)
    }

    /// The innermost class whose body holds token `at` (for a method outside its type's body, as
    /// in Go and Rust, the class of the method).
    pub(crate) fn class_at(&self, at: usize) -> Option<usize> {
        innermost_at(&self.cls_order, |i| self.cls_parent[i], |i| self.classes[i].body, at)
            .or_else(|| self.function_at(at).and_then(|f| self.functions[f].class))
    }

    fn find_classes(&mut self, sx: Syntax<'_, 's>) {
        let n = sx.l.toks.len();
        for i in 0..n {
            if !sx.l.is_ident(i) {
                continue;
            }
            let kw = sx.text(i);
            let go_type = sx.lang == Language::Go && kw == "type" && sx.text(i + 2) == "struct";
            let rust_impl = sx.lang == Language::Rust && kw == "impl";
            let is_class = matches!(kw, "class" | "module" | "interface" | "trait" | "struct" | "record")
                && !(sx.lang == Language::Ruby && kw == "class" && sx.is(i + 1, "<<"));
            if !(is_class || go_type || rust_impl) {
                continue;
            }
            // `obj.class`, `Foo::class` and `x.module` are not declarations.
            if i > 0 && (sx.is_member_op(i - 1) || sx.is(i - 1, "::")) {
                continue;
            }
            let mut name_tok = i + 1;
            if rust_impl {
                // `impl Trait for Name {` / `impl<T> Name<T> {`
                let mut j = i + 1;
                if sx.is(j, "<") {
                    while j < n && !sx.is(j, ">") {
                        j += 1;
                    }
                    j += 1;
                }
                name_tok = j;
                if sx.text(j + 1) == "for" {
                    name_tok = j + 2;
                }
            }
            // `class Admin::Product < Base`: the last segment names it.
            while sx.lang == Language::Ruby && sx.is(name_tok + 1, "::") && sx.l.is_ident(name_tok + 2) {
                name_tok += 2;
            }
            if !sx.l.is_ident(name_tok) {
                continue;
            }
            let name = norm_name(sx.text(name_tok));
            let (parent, body) = match sx.lang {
                Language::Python => {
                    let parent = if sx.is(name_tok + 1, "(") && sx.l.is_ident(name_tok + 2) {
                        Some(last_segment(sx, name_tok + 2))
                    } else {
                        None
                    };
                    (parent, indented_body(sx, i, false))
                }
                Language::Ruby => {
                    let parent = if sx.is(name_tok + 1, "<") { Some(last_segment(sx, name_tok + 2)) } else { None };
                    (parent, indented_body(sx, i, true))
                }
                _ => {
                    let Some(open) = (name_tok + 1..n.min(name_tok + 64)).find(|&j| sx.is(j, "{") || sx.is(j, ";"))
                    else {
                        continue;
                    };
                    if !sx.is(open, "{") {
                        continue;
                    }
                    let mut parent = None;
                    for j in name_tok + 1..open {
                        let t = sx.text(j);
                        if (t == "extends" || (t == ":" && sx.lang == Language::CSharp)) && sx.l.is_ident(j + 1) {
                            parent = Some(last_segment(sx, j + 1));
                            break;
                        }
                    }
                    (parent, (open + 1, sx.close_of(open)))
                }
            };
            if let Some(existing) = self.classes.iter_mut().find(|c| c.name == name && (go_type || rust_impl)) {
                // Rust: the `impl` blocks of a struct; their bodies hold its methods.
                if existing.body.1 < body.0 {
                    existing.body = (existing.body.0.min(body.0), existing.body.1.max(body.1));
                }
                continue;
            }
            self.classes.push(Class { name, name_tok, parent, body, members: Vec::new() });
        }
    }

    fn find_functions(&mut self, sx: Syntax<'_, 's>) {
        match sx.lang {
            Language::Python | Language::Ruby => self.find_defs(sx),
            _ => self.find_braced_functions(sx),
        }
        for i in 0..self.functions.len() {
            if self.functions[i].class.is_none() {
                let at = self.functions[i].name_tok;
                self.functions[i].class =
                    innermost_at(&self.cls_order, |c| self.cls_parent[c], |c| self.classes[c].body, at);
            }
        }
        // The function around each one: the innermost body around its body.
        let (order, parents) = nesting(self.functions.iter().map(|f| f.body));
        self.fn_order = order;
        for (f, p) in self.functions.iter_mut().zip(parents) {
            f.parent = p;
        }
    }

    /// `def name(params):` (Python) and `def name(params) … end` (Ruby), bodies by indentation.
    fn find_defs(&mut self, sx: Syntax<'_, 's>) {
        let n = sx.l.toks.len();
        for i in 0..n {
            if !(sx.l.is_ident(i) && sx.text(i) == "def") || (i > 0 && sx.is_member_op(i - 1)) {
                continue;
            }
            let mut name_tok = i + 1;
            // Ruby `def self.all`
            if sx.lang == Language::Ruby && sx.text(name_tok) == "self" && sx.is(name_tok + 1, ".") {
                name_tok += 2;
            }
            if !sx.l.is_ident(name_tok) {
                continue;
            }
            let line = sx.l.toks[name_tok].line;
            let params = if sx.is(name_tok + 1, "(") {
                self::params(sx, name_tok + 1)
            } else if sx.lang == Language::Ruby && sx.l.is_ident(name_tok + 1) && sx.l.toks[name_tok + 1].line == line {
                // `def get path, params = {}`: parameters without parentheses.
                ruby_bare_params(sx, name_tok + 1)
            } else {
                Vec::new()
            };
            let body = indented_body(sx, i, sx.lang == Language::Ruby);
            // Ruby's endless `def path = 'catalog/products'`
            let endless = sx.lang == Language::Ruby && {
                let after = if sx.is(name_tok + 1, "(") { sx.close_of(name_tok + 1) + 1 } else { name_tok + 1 };
                sx.is(after, "=")
            };
            let returns = if endless {
                let after = if sx.is(name_tok + 1, "(") { sx.close_of(name_tok + 1) + 1 } else { name_tok + 1 };
                Some((after + 1, sx.expr_end(after + 1)))
            } else {
                single_return(sx, body)
            };
            self.functions.push(Function {
                name: sx.text(name_tok),
                name_tok,
                params,
                body,
                class: None,
                returns,
                receiver: None,
                parent: None,
            });
        }
    }

    /// Functions of the brace languages: `function name(…) {`, methods `name(…) {` in a class
    /// body, `const name = (…) => …`, `func (r T) Name(…) … {`, `fn name(…) … {`, C#'s
    /// expression-bodied `Type Name(…) => expr;`.
    fn find_braced_functions(&mut self, sx: Syntax<'_, 's>) {
        let n = sx.l.toks.len();
        for &o in &sx.l.ops {
            let o = o as usize;
            if !sx.is(o, "(") || o == 0 {
                continue;
            }
            let close = sx.close_of(o);
            if close >= n {
                continue;
            }
            // The name: before `(` (or before type parameters `name<T>(`).
            let mut name_tok = o - 1;
            if sx.is(name_tok, ">") {
                let e = sx.callee_end(o);
                if e != name_tok {
                    name_tok = e;
                }
            }
            let arrow_assigned = matches!(sx.text(name_tok), "=" | ":" | "async") && sx.is(close + 1, "=>");
            if arrow_assigned {
                // `const name = (…) =>`, `name: async (…) =>`, `name = async (…) =>`
                let mut k = name_tok;
                if sx.text(k) == "async" && k >= 1 {
                    k -= 1;
                }
                if !(matches!(sx.text(k), "=" | ":") && k >= 1 && sx.l.is_ident(k - 1)) {
                    continue;
                }
                name_tok = k - 1;
            } else if sx.l.is_ident(name_tok) && sx.text(name_tok) == "function" {
                // `const name = function (…) {`
                if !(name_tok >= 2 && matches!(sx.text(name_tok - 1), "=" | ":") && sx.l.is_ident(name_tok - 2)) {
                    continue;
                }
                name_tok -= 2;
            } else if !sx.l.is_ident(name_tok) || CONTROL.contains(&sx.text(name_tok)) {
                continue;
            } else if name_tok > 0 {
                let before = sx.text(name_tok - 1);
                let declared = matches!(before, "function" | "fn" | "func" | "def");
                let go_method = sx.lang == Language::Go && sx.is(name_tok - 1, ")");
                if !declared && !go_method {
                    // A method in a class body: not after `.`, `=`, `new`, an operator.
                    if sx.l.toks[name_tok - 1].kind == Kind::Punct
                        && !matches!(before, ";" | "{" | "}" | "]" | ">" | "*" | "?")
                    {
                        continue;
                    }
                    if matches!(before, "new" | "return" | "await" | "throw" | "yield" | "else" | "case" | "in" | "of")
                    {
                        continue;
                    }
                    if innermost(&self.classes, name_tok).is_none_or(|c| !directly_in(sx, &self.classes[c], name_tok)) {
                        continue;
                    }
                }
            }
            // The body: `{` after the signature (return types, `throws`, `where`), or `=>`.
            let mut j = close + 1;
            let mut body = None;
            let mut expression = false;
            while j < n.min(close + 40) {
                if sx.is(j, "{") {
                    body = Some((j + 1, sx.close_of(j)));
                    break;
                }
                if sx.is(j, "=>") {
                    if sx.is(j + 1, "{") {
                        body = Some((j + 2, sx.close_of(j + 1)));
                    } else {
                        body = Some((j + 1, sx.expr_end(j + 1)));
                        expression = true;
                    }
                    break;
                }
                if sx.is(j, ";") || sx.is(j, "=") || sx.is(j, ",") || sx.is(j, ")") || sx.is(j, "}") {
                    break;
                }
                if sx.is(j, "(") || sx.is(j, "[") {
                    j = sx.close_of(j) + 1;
                    continue;
                }
                j += 1;
            }
            let Some(body) = body else { continue };
            let returns = if expression { Some(body) } else { single_return(sx, body) };
            let (class, receiver) = if sx.lang == Language::Go && o >= 2 && sx.is(o - 2, ")") {
                let recv_open = sx.l.matching.get(o - 2).copied().filter(|&x| x != NONE).map(|x| x as usize);
                let var = recv_open.filter(|&x| sx.l.is_ident(x + 1)).map(|x| sx.text(x + 1));
                (go_receiver(sx, o - 2).and_then(|r| self.classes.iter().position(|c| c.name == r)), var)
            } else {
                (None, None)
            };
            self.functions.push(Function {
                name: norm_name(sx.text(name_tok)),
                name_tok,
                params: params(sx, o),
                body,
                class,
                returns,
                receiver,
                parent: None,
            });
        }
    }

    /// Class members: declarations in the class body (`protected $endpoint = '…';`,
    /// `path = '…'`, `static PATH = '…'`, `Path => "…";`, `@uri_base = '…'`) and assignments to
    /// the instance in its methods (`this.base = …`, `$this->base = …`, `self.base = …`, `@base = …`).
    fn find_members(&mut self, sx: Syntax<'_, 's>) {
        for &op in &sx.l.ops {
            let op = op as usize;
            let t = sx.text(op);
            if !matches!(t, "=" | ":" | "||=") || op == 0 || !sx.l.is_ident(op - 1) {
                continue;
            }
            let name_tok = op - 1;
            let Some(c) = self.class_at(op) else { continue };
            let in_function = self.function_at(op);
            let instance = name_tok >= 2 && sx.is_member_op(name_tok - 1) && is_self(sx.text(name_tok - 2));
            let ruby_ivar = sx.lang == Language::Ruby && name_tok >= 1 && sx.is(name_tok - 1, "@");
            let declared = in_function.is_none() && directly_in(sx, &self.classes[c], name_tok);
            // C#, Java: `_root = …` in a constructor assigns the field the class declares.
            let implicit = in_function.is_some()
                && matches!(sx.lang, Language::CSharp | Language::Java)
                && !(name_tok >= 1 && sx.is_member_op(name_tok - 1))
                && declares(sx, &self.classes[c], sx.text(name_tok));
            if !(instance || ruby_ivar || declared || implicit) {
                continue;
            }
            if t == ":" && !(declared && sx.lang == Language::TypeScript) {
                continue;
            }
            // `name: Type = value` (TypeScript): the value follows the `=`.
            let mut start = op + 1;
            if t == ":" {
                let Some(eq) = (op + 1..sx.expr_end(op + 1)).find(|&j| sx.is(j, "=")) else { continue };
                start = eq + 1;
            }
            let end = sx.expr_end(start);
            if end <= start {
                continue;
            }
            let name = norm_name(sx.text(name_tok));
            let member = Member { name, value: (start, end), tok: name_tok, in_function };
            self.classes[c].members.push(member);
        }
        // Promoted constructor parameters: members with their defaults.
        for f in &self.functions {
            let Some(c) = f.class else { continue };
            if !matches!(f.name, "__construct" | "constructor") {
                continue;
            }
            for p in f.params.iter().filter(|p| p.promoted) {
                if let Some(value) = p.default {
                    self.classes[c].members.push(Member { name: p.name, value, tok: p.tok, in_function: None });
                }
            }
        }
        // C# expression-bodied properties: `string Path => "…";`
        if sx.lang == Language::CSharp {
            for i in 1..sx.l.toks.len() {
                if sx.is(i, "=>") && sx.l.is_ident(i - 1) && sx.l.is_ident(i.saturating_sub(2)) {
                    if let Some(c) = innermost(&self.classes, i) {
                        if directly_in(sx, &self.classes[c], i) {
                            let end = sx.expr_end(i + 1);
                            let name = sx.text(i - 1);
                            self.classes[c].members.push(Member {
                                name,
                                value: (i + 1, end),
                                tok: i - 1,
                                in_function: None,
                            });
                        }
                    }
                }
            }
        }
    }
}

/// Whether class `c` declares a field `name` in its body (`private readonly string _root;`).
fn declares(sx: Syntax<'_, '_>, c: &Class<'_>, name: &str) -> bool {
    (c.body.0..c.body.1.min(sx.l.toks.len())).any(|j| {
        sx.l.is_ident(j)
            && sx.text(j) == name
            && sx.open_of(j) == Some(c.body.0.wrapping_sub(1))
            && (sx.is(j + 1, ";") || sx.is(j + 1, "="))
    })
}

/// Keywords that take parentheses and a block, and are not functions.
const CONTROL: [&str; 16] = [
    "if",
    "for",
    "while",
    "switch",
    "catch",
    "foreach",
    "using",
    "lock",
    "synchronized",
    "fixed",
    "match",
    "elseif",
    "return",
    "typeof",
    "sizeof",
    "function",
];

/// Whether a receiver is the instance itself.
pub(crate) fn is_self(t: &str) -> bool {
    matches!(t, "this" | "self" | "$this" | "static" | "parent" | "super" | "base" | "Self")
}

/// The last segment of a name at token `i` (`Base`, `Api::Base`, `module.Base`).
fn last_segment<'s>(sx: Syntax<'_, 's>, mut i: usize) -> &'s str {
    while (sx.is(i + 1, "::") || sx.is(i + 1, ".") || sx.is(i + 1, "\\")) && sx.l.is_ident(i + 2) {
        i += 2;
    }
    norm_name(sx.text(i))
}

/// The innermost class whose body holds token `at`.
fn innermost(classes: &[Class<'_>], at: usize) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, c) in classes.iter().enumerate() {
        if c.body.0 <= at && at < c.body.1 && best.is_none_or(|b| classes[b].body.0 <= c.body.0) {
            best = Some(i);
        }
    }
    best
}

/// Whether token `at` is directly in a class body (not inside a nested bracket other than the
/// body's own; for the indented languages, not inside a function).
fn directly_in(sx: Syntax<'_, '_>, c: &Class<'_>, at: usize) -> bool {
    match sx.lang {
        Language::Python | Language::Ruby => {
            let open = sx.l.toks.get(at).map_or(NONE, |t| t.enclosing);
            open == NONE || (open as usize) < c.body.0
        }
        _ => sx.open_of(at) == Some(c.body.0.wrapping_sub(1)),
    }
}

/// The parameters of the parameter list opening at `open`.
fn params<'s>(sx: Syntax<'_, 's>, open: usize) -> Vec<Param<'s>> {
    let mut out = Vec::new();
    for (a, b) in sx.args(open) {
        if let Some(p) = param(sx, a, b) {
            out.push(p);
        }
    }
    out
}

/// One parameter from its token range.
fn param<'s>(sx: Syntax<'_, 's>, a: usize, b: usize) -> Option<Param<'s>> {
    // Ruby's keyword parameters take their default after the colon (`version: "v3"`).
    let ruby_kw = sx.lang == Language::Ruby && sx.l.is_ident(a) && sx.is(a + 1, ":") && b > a + 2;
    if ruby_kw {
        return Some(Param { name: sx.text(a), default: Some((a + 2, b)), tok: a, promoted: false });
    }
    let eq = (a..b).find(|&j| sx.is(j, "=") && sx.open_of(j) == sx.open_of(a));
    let head_end = eq.unwrap_or(b);
    let default = eq.map(|e| (e + 1, b)).filter(|(x, y)| x < y);
    let idents: Vec<usize> = (a..head_end).filter(|&j| sx.l.is_ident(j) && sx.open_of(j) == sx.open_of(a)).collect();
    let name_tok = match sx.lang {
        Language::Php => idents.iter().copied().find(|&j| sx.text(j).starts_with('$')),
        Language::Java | Language::CSharp => {
            // `Type name`, `[Attr] Type<T> name`: the last identifier before a default.
            idents.iter().copied().rfind(|&j| !sx.is(j + 1, ".") && !sx.is(j + 1, "<"))
        }
        _ => {
            // `name`, `name: Type`, `private readonly name: Type`, `&self`, `*args`, `name string`
            let colon = (a..head_end).find(|&j| sx.is(j, ":") && sx.open_of(j) == sx.open_of(a));
            match colon {
                Some(c) => idents.iter().copied().rfind(|&j| j < c),
                None => idents.iter().copied().find(|&j| {
                    !matches!(sx.text(j), "public" | "private" | "protected" | "readonly" | "mut" | "ref" | "out")
                }),
            }
        }
    }?;
    let name = norm_name(sx.text(name_tok)).trim_start_matches(['*', '&']);
    let promoted = idents.iter().any(|&j| matches!(sx.text(j), "private" | "public" | "protected" | "readonly"));
    (!name.is_empty()).then_some(Param { name, default, tok: name_tok, promoted })
}

/// Ruby parameters without parentheses, to the end of the line.
fn ruby_bare_params<'s>(sx: Syntax<'_, 's>, from: usize) -> Vec<Param<'s>> {
    let line = sx.l.toks[from].line;
    let mut end = from;
    while end < sx.l.toks.len() && sx.l.toks[end].line == line {
        end += 1;
    }
    let mut out = Vec::new();
    let mut s = from;
    for j in from..=end {
        if j == end || (sx.is(j, ",") && sx.open_of(j).is_none_or(|o| o < from)) {
            if let Some(p) = param(sx, s, j) {
                out.push(p);
            }
            s = j + 1;
        }
    }
    out
}

/// The receiver type of a Go method whose receiver list closes at `close`: `(c *Client)`.
fn go_receiver<'s>(sx: Syntax<'_, 's>, close: usize) -> Option<&'s str> {
    let open = sx.l.matching.get(close).copied().filter(|&o| o != NONE)? as usize;
    (open + 1..close).rev().find(|&j| sx.l.is_ident(j)).map(|j| sx.text(j))
}

/// The body of a block opened by the keyword at token `kw` in an indented language: the tokens
/// after its header line, up to the first line indented no deeper than the keyword (Ruby: up
/// to its `end`).
fn indented_body(sx: Syntax<'_, '_>, kw: usize, ruby: bool) -> (usize, usize) {
    let n = sx.l.toks.len();
    let indent = indent_of(sx, kw);
    let header_line = sx.l.toks[kw].line;
    // The header may continue over lines inside brackets.
    let mut start = kw + 1;
    while start < n && (sx.l.toks[start].line == header_line || sx.l.toks[start].enclosing != sx.l.toks[kw].enclosing) {
        start += 1;
    }
    let mut j = start;
    let mut prev_line = header_line;
    while j < n {
        let t = sx.l.toks[j];
        if t.line != prev_line && t.enclosing == sx.l.toks[kw].enclosing && indent_of(sx, j) <= indent {
            if ruby && sx.text(j) == "end" {
                return (start, j);
            }
            return (start, j);
        }
        prev_line = t.line;
        j += 1;
    }
    (start, n)
}

/// The indentation (in bytes) of the line of token `i`.
pub(crate) fn indent_of(sx: Syntax<'_, '_>, i: usize) -> usize {
    let Some(t) = sx.l.toks.get(i) else { return 0 };
    let before = &sx.l.src.as_bytes()[..t.start as usize];
    let line_start = before.iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
    before[line_start..].iter().take_while(|c| matches!(c, b' ' | b'\t')).count()
}

/// The expression a body returns when it is one statement: `return expr` (or, in Ruby, one
/// expression).
fn single_return(sx: Syntax<'_, '_>, body: (usize, usize)) -> Option<(usize, usize)> {
    let (a, b) = body;
    if a >= b {
        return None;
    }
    let first = if sx.text(a) == "return" {
        a + 1
    } else if sx.lang == Language::Ruby {
        a
    } else {
        return None;
    };
    let end = sx.expr_end(first);
    let rest = end + usize::from(sx.is(end, ";"));
    let ruby_end = sx.lang == Language::Ruby && sx.text(rest) == "end";
    (end > first && (rest >= b || ruby_end)).then_some((first, end))
}
