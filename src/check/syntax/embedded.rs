//! Code embedded in templates. Vue and Svelte components hold their code in `<script>` blocks;
//! Astro components in their frontmatter (between the leading `---` fences) and `<script>` blocks;
//! PHP templates (`.phtml`, `.blade.php`) between `<?php` and `?>` (the lexer reads those: here a
//! PHP template only has to hold an open tag to be read).
//!
//! Everything else in a component (markup, styles, template expressions) is blanked: each of its
//! characters becomes one space, line breaks and tabs stay. Lines and columns (counted in
//! characters) of the code are then those of the original file, and the code is tokenized alone.
//!
//! The scanner is small on purpose: it finds `<script>` and `<style>` elements, skipping comments
//! `<!-- -->`, quoted and braced attribute values and other tags, with the HTML rule that a
//! script ends at the first `</script` whatever its code says. An HTML parser would rebuild a
//! document tree (and normalize the text) only for this.

use super::lang::Language;
use std::ops::Range;
use std::path::Path;

/// A template whose code is embedded in markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Template {
    /// `.vue`.
    Vue,
    /// `.svelte`.
    Svelte,
    /// `.astro`.
    Astro,
    /// `.phtml`, `.blade.php`.
    Php,
}

impl Template {
    /// The template kind of a file, from its name.
    pub(crate) fn from_path(path: &Path) -> Option<Template> {
        let name = path.file_name()?.to_str()?;
        let ext = path.extension()?.to_str()?;
        let is = |e: &str| ext.eq_ignore_ascii_case(e);
        if is("vue") {
            Some(Template::Vue)
        } else if is("svelte") {
            Some(Template::Svelte)
        } else if is("astro") {
            Some(Template::Astro)
        } else if is("phtml")
            || (is("php") && name.len() > 10 && name[..name.len() - 4].to_ascii_lowercase().ends_with(".blade"))
        {
            Some(Template::Php)
        } else {
            None
        }
    }

    /// The code of `text` to read, and its language; `None` when the template holds no code.
    pub(crate) fn code(self, text: &str) -> Option<(Language, String)> {
        if self == Template::Php {
            return php_open_tag(text.as_bytes(), 0).map(|_| (Language::Php, text.to_owned()));
        }
        let blocks = blocks(text.as_bytes(), self == Template::Astro);
        if blocks.is_empty() {
            return None;
        }
        let ts = blocks.iter().any(|b| b.typescript);
        let language = if ts { Language::TypeScript } else { Language::JavaScript };
        Some((language, blank(text, blocks.iter().map(|b| b.range.clone()))))
    }
}

/// The next PHP open tag at or after `from`: its start and its end (`<?php`, `<?=`, or the short
/// `<?` followed by white space; never `<?xml`).
pub(crate) fn php_open_tag(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let finder = memchr::memmem::Finder::new(b"<?");
    let mut at = from;
    while let Some(p) = finder.find(b.get(at..)?) {
        let start = at + p;
        let rest = &b[start + 2..];
        let ws = |c: Option<&u8>| c.is_none_or(u8::is_ascii_whitespace);
        if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"php") && ws(rest.get(3)) {
            return Some((start, start + 5));
        }
        if rest.first() == Some(&b'=') {
            return Some((start, start + 3));
        }
        if ws(rest.first()) && !rest.is_empty() {
            return Some((start, start + 2));
        }
        at = start + 2;
    }
    None
}

/// A block of code in a component.
#[derive(Debug, PartialEq, Eq)]
struct Block {
    range: Range<usize>,
    typescript: bool,
}

/// `text` with every character outside `code` (sorted, disjoint byte ranges on character
/// boundaries) replaced by a space, line breaks and tabs kept.
fn blank(text: &str, code: impl Iterator<Item = Range<usize>>) -> String {
    fn spaces(out: &mut String, s: &str) {
        out.extend(s.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { c } else { ' ' }));
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in code {
        spaces(&mut out, &text[at..r.start]);
        out.push_str(&text[r.clone()]);
        at = r.end;
    }
    spaces(&mut out, &text[at..]);
    out
}

/// The code blocks of a component: Astro's frontmatter, then each script that holds JavaScript
/// or TypeScript. Every delimiter is ASCII, so the ranges fall on character boundaries.
fn blocks(b: &[u8], astro: bool) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    if astro {
        if let Some((code, next)) = frontmatter(b) {
            out.push(Block { range: code, typescript: true });
            i = next;
        }
    }
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + p;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            i = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if matches!(rest.get(1), Some(b'!' | b'?' | b'/')) {
            // A declaration, processing instruction or end tag: nothing to read in it.
            i = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1);
            continue;
        }
        if !rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        let name_end = lt + 1 + rest[1..].iter().take_while(|c| !is_tag_end(**c)).count();
        let name = &b[lt + 1..name_end];
        let tag = attributes(b, name_end);
        i = tag.end;
        let raw = if name.eq_ignore_ascii_case(b"script") {
            b"</script".as_slice()
        } else if name.eq_ignore_ascii_case(b"style") {
            b"</style".as_slice()
        } else {
            continue;
        };
        if tag.self_closing {
            continue;
        }
        // Raw text: it ends at the first end tag, whatever it holds.
        let close = find_end_tag(b, i, raw);
        let blank = b[i..close].iter().all(u8::is_ascii_whitespace);
        if raw == b"</script" && !blank {
            if let Some(typescript) = script_language(&tag.attrs, astro) {
                out.push(Block { range: i..close, typescript });
            }
        }
        i = if close == b.len() { close } else { memchr::memchr(b'>', &b[close..]).map_or(b.len(), |e| close + e + 1) };
    }
    out
}

/// The language of a script, from its attributes: `None` for data, templates, other languages
/// and external scripts (whose content a browser ignores); TypeScript for `lang="ts"` and in Astro.
fn script_language(attrs: &[(String, Option<String>)], astro: bool) -> Option<bool> {
    let get = |n: &str| {
        attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_deref().unwrap_or("").trim().to_ascii_lowercase())
    };
    if attrs.iter().any(|(k, _)| k == "src") {
        return None;
    }
    if let Some(t) = get("type") {
        let js = t.is_empty()
            || t == "module"
            || t == "text/babel"
            || t == "text/jsx"
            || ["javascript", "ecmascript", "typescript"].iter().any(|k| t.contains(k));
        if !js {
            return None;
        }
    }
    match get("lang").as_deref() {
        None | Some("" | "js" | "javascript" | "jsx" | "mjs") => Some(astro),
        Some("ts" | "typescript" | "tsx" | "mts") => Some(true),
        Some(_) => None,
    }
}

/// A start tag's attributes (names in lower case), where it ends and whether it is self-closing.
struct Tag {
    attrs: Vec<(String, Option<String>)>,
    end: usize,
    self_closing: bool,
}

fn is_tag_end(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b'>' || c == b'/'
}

/// Read the attributes of a start tag from `i` (after its name) to its `>`.
fn attributes(b: &[u8], mut i: usize) -> Tag {
    let mut attrs = Vec::new();
    let text = |r: Range<usize>| String::from_utf8_lossy(&b[r]).into_owned();
    loop {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match b.get(i) {
            None => return Tag { attrs, end: b.len(), self_closing: false },
            Some(b'>') => return Tag { attrs, end: i + 1, self_closing: false },
            Some(b'/') if b.get(i + 1) == Some(&b'>') => return Tag { attrs, end: i + 2, self_closing: true },
            Some(b'/') => i += 1,
            // Svelte and Astro: `{...props}` or `{name}`.
            Some(b'{') => i = braces_end(b, i),
            Some(_) => {
                let start = i;
                while b.get(i).is_some_and(|&c| !is_tag_end(c) && c != b'=') {
                    i += 1;
                }
                let name = text(start..i).to_ascii_lowercase();
                let mut j = i;
                while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                if b.get(j) != Some(&b'=') {
                    attrs.push((name, None));
                    continue;
                }
                j += 1;
                while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                let (value, end) = match b.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let close = memchr::memchr(q, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e);
                        (j + 1..close, (close + 1).min(b.len()))
                    }
                    Some(b'{') => {
                        let end = braces_end(b, j);
                        (j..end, end)
                    }
                    _ => {
                        let mut e = j;
                        while b.get(e).is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>') {
                            e += 1;
                        }
                        (j..e, e)
                    }
                };
                attrs.push((name, Some(text(value))));
                i = end;
            }
        }
    }
}

/// The end of the braced expression starting at `i` (`{`), nested braces and quoted strings
/// inside; the end of the input if it is not closed.
fn braces_end(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&c) = b.get(i) {
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b'"' | b'\'' | b'`' => {
                i += 1;
                while let Some(&d) = b.get(i) {
                    if d == b'\\' {
                        i += 1;
                    } else if d == c {
                        break;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// The first `needle` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|p| from + p)
}

/// The start of the end tag `close` (`</script`, any case, followed by white space, `/`, `>` or
/// the end of the input) at or after `from`; the end of the input if there is none.
fn find_end_tag(b: &[u8], mut from: usize, close: &[u8]) -> usize {
    while let Some(p) = find(b, from, b"</") {
        let rest = &b[p..];
        if rest.len() >= close.len()
            && rest[..close.len()].eq_ignore_ascii_case(close)
            && rest.get(close.len()).is_none_or(|&c| is_tag_end(c))
        {
            return p;
        }
        from = p + 2;
    }
    b.len()
}

/// Astro's frontmatter: the code between a leading `---` line and the next `---` line (to the
/// end of the input if that is missing), and where the markup starts.
fn frontmatter(b: &[u8]) -> Option<(Range<usize>, usize)> {
    let mut i = if b.starts_with("\u{feff}".as_bytes()) { 3 } else { 0 };
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    if !b[i..].starts_with(b"---") {
        return None;
    }
    let line_end = |from: usize| memchr::memchr(b'\n', &b[from..]).map_or(b.len(), |e| from + e);
    let first = line_end(i);
    if !b[i + 3..first].iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let start = (first + 1).min(b.len());
    let mut at = start;
    while at < b.len() {
        let end = line_end(at);
        if b[at..end].trim_ascii() == b"---" {
            return Some((start..at, end));
        }
        at = end + 1;
    }
    Some((start..b.len(), b.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code of a component, as the lexer will see it.
    fn code(t: Template, src: &str) -> Option<(Language, String)> {
        let got = t.code(src);
        if let Some((_, blanked)) = &got {
            // Positions are kept: the same lines, each with as many characters.
            let lines = |s: &str| s.split('\n').map(|l| l.chars().count()).collect::<Vec<_>>();
            assert_eq!(lines(blanked), lines(src), "line lengths differ:\n{blanked}");
        }
        got
    }

    #[test]
    fn vue_script_setup_in_typescript() {
        let src = "<template>\n  <p :title=\"a > b ? '<script>' : ''\">{{ n }}</p>\n</template>\n\n<script setup lang=\"ts\">\nconst r = await fetch('/v3/catalog/products')\n</script>\n<style scoped>\np { content: '</script>' }\n</style>\n";
        let (lang, out) = code(Template::Vue, src).unwrap();
        assert_eq!(lang, Language::TypeScript);
        let want = "          \n                                                 \n           \n\n                        \nconst r = await fetch('/v3/catalog/products')\n         \n              \n                          \n        \n";
        assert_eq!(out, want);
    }

    #[test]
    fn columns_survive_characters_outside_ascii_before_a_script() {
        let src = "<p>Café — ✓ 𝄞</p><script>fetch(u)</script>";
        let (lang, out) = code(Template::Svelte, src).unwrap();
        assert_eq!(lang, Language::JavaScript);
        let col = out.find("fetch").map(|b| out[..b].chars().count()).unwrap();
        assert_eq!(col, src.find("fetch").map(|b| src[..b].chars().count()).unwrap());
    }

    #[test]
    fn crlf_line_breaks_are_kept() {
        let src = "<template>\r\n  <a/>\r\n</template>\r\n<script>\r\nfetch(url)\r\n</script>\r\n";
        let (_, out) = code(Template::Vue, src).unwrap();
        assert_eq!(out, "          \r\n      \r\n           \r\n        \r\nfetch(url)\r\n         \r\n");
    }

    #[test]
    fn comments_quotes_and_upper_case_tags() {
        // A script in a comment or an attribute is not one; tag names are read in any case.
        let src = "<!-- <script>commented()</script> -->\n<div data-x='<script>quoted()</script>' title=\"it's\">\n<SCRIPT Type=\"Module\">real()</Script >\n";
        let (_, out) = code(Template::Vue, src).unwrap();
        assert_eq!(out.split_whitespace().collect::<Vec<_>>(), ["real()"]);
        assert_eq!(out.lines().nth(2).unwrap().find("real"), Some(22));
    }

    #[test]
    fn a_script_ends_at_its_end_tag_even_inside_a_string() {
        let src = "<script>const s = '</script>'; after()</script>";
        let (_, out) = code(Template::Svelte, src).unwrap();
        assert_eq!(out.trim(), "const s = '");
    }

    #[test]
    fn an_unterminated_script_runs_to_the_end() {
        let src = "<script lang=\"ts\">\nfetch(a)\n// no end";
        let (lang, out) = code(Template::Vue, src).unwrap();
        assert_eq!(lang, Language::TypeScript);
        assert_eq!(out, "                  \nfetch(a)\n// no end");
        assert_eq!(code(Template::Vue, "<script"), None);
    }

    #[test]
    fn data_templates_external_and_other_languages_are_not_code() {
        for tag in [
            "<script type=\"application/json\">{\"a\": 1}</script>",
            "<script type=\"application/ld+json\">{}</script>",
            "<script type='text/template'><b>x</b></script>",
            "<script src=\"/app.js\"></script>",
            "<script src=\"/app.js\" />",
            "<script lang=\"coffee\">x = 1</script>",
            "<template><p>{{ fetch('/v3/orders') }}</p></template>",
        ] {
            assert_eq!(code(Template::Vue, tag), None, "{tag}");
        }
        let (lang, out) =
            code(Template::Svelte, "<script context=\"module\" type=\"text/javascript\">a()</script>").unwrap();
        assert_eq!((lang, out.trim()), (Language::JavaScript, "a()"));
    }

    #[test]
    fn svelte_braced_attributes_hide_their_markup() {
        let src = "<button on:click={() => go('<script>')} {...rest}>Go</button>\n<script>b()</script>";
        let (_, out) = code(Template::Svelte, src).unwrap();
        assert_eq!(out.trim(), "b()");
    }

    #[test]
    fn astro_frontmatter_and_scripts_are_typescript() {
        let src =
            "---\nconst r = await fetch(u);\n---\n<h1>{r.title}</h1>\n<script>\ndocument.title = 'x';\n</script>\n";
        let (lang, out) = code(Template::Astro, src).unwrap();
        assert_eq!(lang, Language::TypeScript);
        assert_eq!(
            out,
            "   \nconst r = await fetch(u);\n   \n                  \n        \ndocument.title = 'x';\n         \n"
        );
        // Not frontmatter: a fence that is not the first thing in the file.
        assert_eq!(code(Template::Astro, "<p>a</p>\n---\nx()\n---\n"), None);
        // Unterminated frontmatter runs to the end.
        assert_eq!(code(Template::Astro, "\n---\nx()\n").unwrap().1, "\n   \nx()\n");
    }

    #[test]
    fn templates_by_file_name() {
        let t = |p: &str| Template::from_path(Path::new(p));
        assert_eq!(t("src/App.vue"), Some(Template::Vue));
        assert_eq!(t("src/routes/+page.svelte"), Some(Template::Svelte));
        assert_eq!(t("src/pages/index.ASTRO"), Some(Template::Astro));
        assert_eq!(t("app/design/view.phtml"), Some(Template::Php));
        assert_eq!(t("resources/views/shop.blade.php"), Some(Template::Php));
        assert_eq!(t("src/Client.php"), None);
        assert_eq!(t(".blade.php"), None);
        assert_eq!(t("src/app.ts"), None);
    }

    #[test]
    fn php_templates_are_read_when_they_hold_php() {
        assert_eq!(code(Template::Php, "<p>{{ $x }}</p>\n@foreach($a as $b)\n"), None);
        assert_eq!(code(Template::Php, "<?xml version=\"1.0\"?>\n<p/>"), None);
        for src in ["<p><?= $x ?></p>", "<?php\necho 1;", "<? echo 1 ?>", "<?PHP echo 1;"] {
            assert_eq!(code(Template::Php, src).map(|(l, _)| l), Some(Language::Php), "{src}");
        }
    }
}
