//! Tidy checks over the source tree, run by native `cargo test`:
//!
//! - the pure core (every file under `src/` except `src/main.rs` and `src/ui/**`) uses no
//!   `yew`, `web_sys`, `gloo`, `wasm_bindgen` or `js_sys`;
//! - the model (`src/model/**`) does not use the engine: it sits below it, so what both need
//!   lives below both (as `src/ids.rs` does); any `engine` identifier in its code counts;
//! - every `.rs` file under `src/` starts with a `//!` doc comment;
//! - the web app's areas (the folders under `src/ui/`) are entered through their `mod.rs`: it
//!   declares the folder's files without `pub`, and no file outside the folder (in `src/`,
//!   `tests/` or `benches/`) names a path into one of them, such as `ui::results::table::X`;
//! - no import cycle among the modules of `src/ui/` (its files and area folders), nor among the
//!   files of one folder: the graph of the paths each names (`super::x`, `crate::ui::x`, also
//!   through a name `mod.rs` re-exports) has none, and a failure names the cycle.
//!
//! - ARCHITECTURE.md's codemap names every source file (`src/`, `benches/`), every test file
//!   (`tests/*.rs`, `tests/e2e/*.mjs`): by its path, or by its name in backticks in the row of
//!   the nearest folder above it that has a row (a folder's `mod.rs` by the folder's name).
//!
//! The checker works on source text, skipping comments and string and char literals, and is
//! itself tested on in-memory examples so that it can be seen to fail.

// Native only: reads the source tree from disk.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Whether the file at `rel` (relative to `src/`, with `/` separators) belongs to the pure core.
fn is_pure(rel: &str) -> bool {
    rel != "main.rs" && !rel.starts_with("ui/")
}

/// Whether `ident` names a browser-only crate the pure core must not use.
fn is_forbidden(ident: &str) -> bool {
    matches!(ident, "yew" | "web_sys" | "js_sys" | "gloo" | "wasm_bindgen")
        || ident.starts_with("gloo_")
        || ident.starts_with("yew_")
        || ident.starts_with("wasm_bindgen_")
}

/// The parts of Keel that the file at `rel` (relative to `src/`) must not use, because they sit
/// above it.
fn layers_above(rel: &str) -> &'static [&'static str] {
    if rel.starts_with("model/") {
        &["engine"]
    } else {
        &[]
    }
}

/// Whether the token `t` is an identifier (or keyword).
fn is_ident(t: &str) -> bool {
    t.starts_with(|c: char| c.is_alphabetic() || c == '_')
}

/// The identifiers of `source`'s code, with their line numbers, outside comments and literals.
fn code_identifiers(source: &str) -> Vec<(usize, String)> {
    code_tokens(source).into_iter().filter(|(_, t)| is_ident(t)).collect()
}

/// The tokens of `source`'s code, with their line numbers: identifiers, `::`, and every other
/// character that is not white space, outside comments and literals.
fn code_tokens(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let at = |j: usize| chars.get(j).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == 'r' && (at(i + 1) == '"' || (at(i + 1) == '#' && matches!(at(i + 2), '"' | '#'))) {
            // Raw string: r"…", r#"…"#, …
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            j += 1; // the opening quote
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (1..=hashes).all(|h| at(j + h) == '#') {
                    j += 1 + hashes;
                    break;
                }
                line += usize::from(chars[j] == '\n');
                j += 1;
            }
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                line += usize::from(at(i) == '\n');
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\'') is skipped; a lifetime ('a) is left as code.
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((line, chars[start..i].iter().collect()));
        } else if c == ':' && at(i + 1) == ':' {
            out.push((line, "::".to_string()));
            i += 2;
        } else {
            if !c.is_whitespace() {
                out.push((line, c.to_string()));
            }
            i += 1;
        }
    }
    out
}

/// Every tidy violation in one file: `rel` is its path relative to `src/`.
fn violations(rel: &str, source: &str) -> Vec<String> {
    let mut found = Vec::new();
    if !source.starts_with("//!") {
        found.push(format!("src/{rel}: does not start with a `//!` doc comment saying what the file is for"));
    }
    let above = layers_above(rel);
    for (line, ident) in code_identifiers(source) {
        if is_pure(rel) && is_forbidden(&ident) {
            found.push(format!(
                "src/{rel}:{line}: the pure core uses `{ident}`; browser code belongs in src/ui/ or src/main.rs"
            ));
        }
        if above.contains(&ident.as_str()) {
            found.push(format!(
                "src/{rel}:{line}: uses `{ident}`, which sits above it; move what both need below both (as src/ids.rs is)"
            ));
        }
    }
    found
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display())).path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// A path named in a file's code: `crate::ui::share::ShareMenu` is `["crate", "ui", "share",
/// "ShareMenu"]`. A `use` tree gives one path per leaf (`use super::{dom, state::use_editor}`
/// gives `super::dom` and `super::state::use_editor`), a glob ends in `*`.
#[derive(Debug)]
struct Named {
    line: usize,
    path: Vec<String>,
    /// The inline modules (`mod tests { … }`) the path is named in, outermost first.
    inline: Vec<String>,
    /// For a `use`, the name it brings in (the last segment, or what follows `as`).
    used_as: Option<String>,
}

/// What one file's code says about modules: the paths it names, and the modules it declares
/// from other files (`mod x;`: line, name, whether with a visibility such as `pub`).
#[derive(Debug, Default)]
struct Scan {
    paths: Vec<Named>,
    mods: Vec<(usize, String, bool)>,
}

/// Reads the paths and the `mod x;` declarations of `source`.
fn scan(source: &str) -> Scan {
    let toks = code_tokens(source);
    let t = |j: usize| toks.get(j).map_or("", |(_, s)| s.as_str());
    let mut found = Scan::default();
    // The inline modules around the current token, each with the brace depth inside it.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        let tok = t(i);
        if tok == "{" {
            depth += 1;
        } else if tok == "}" {
            if inline.last().is_some_and(|(_, d)| *d == depth) {
                inline.pop();
            }
            depth -= 1;
        } else if tok == "mod" && is_ident(t(i + 1)) {
            let name = t(i + 1).to_string();
            if t(i + 2) == "{" {
                depth += 1;
                inline.push((name, depth));
                i += 3;
                continue;
            }
            if inline.is_empty() {
                // `pub mod x;`, `pub(crate) mod x;`, `pub(in …) mod x;`
                let visible = t(i.wrapping_sub(1)) == "pub"
                    || (t(i.wrapping_sub(1)) == ")"
                        && toks[..i]
                            .iter()
                            .rposition(|(_, s)| s == "(")
                            .is_some_and(|o| t(o.wrapping_sub(1)) == "pub"));
                found.mods.push((toks[i].0, name, visible));
            }
            i += 2;
            continue;
        } else if is_ident(tok) && t(i.wrapping_sub(1)) != "::" {
            let in_use = t(i.wrapping_sub(1)) == "use";
            let names: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
            i = use_tree(&toks, i, &[], in_use, &names, &mut found.paths);
            continue;
        }
        i += 1;
    }
    found
}

/// Reads the path or `use` tree that starts at token `i`, under `prefix`, into `out`; returns
/// the index of the token after it.
fn use_tree(
    toks: &[(usize, String)],
    mut i: usize,
    prefix: &[String],
    in_use: bool,
    inline: &[String],
    out: &mut Vec<Named>,
) -> usize {
    let t = |j: usize| toks.get(j).map_or("", |(_, s)| s.as_str());
    let line = toks.get(i).map_or(0, |(l, _)| *l);
    let mut path = prefix.to_vec();
    loop {
        let tok = t(i);
        if is_ident(tok) || tok == "*" {
            path.push(tok.to_string());
            i += 1;
        } else if tok == "{" {
            i += 1;
            while i < toks.len() && t(i) != "}" {
                let next = if t(i) == "," { i + 1 } else { use_tree(toks, i, &path, in_use, inline, out) };
                i = next.max(i + 1);
            }
            return i + 1;
        } else {
            break;
        }
        if t(i) == "::" {
            i += 1;
        } else {
            break;
        }
    }
    let mut used_as = path.last().cloned();
    if t(i) == "as" && is_ident(t(i + 1)) {
        used_as = Some(t(i + 1).to_string());
        i += 2;
    }
    if path.len() > 1 && path.last().is_some_and(|s| s == "self") {
        path.pop();
        used_as = path.last().cloned();
    }
    if path.len() > prefix.len() {
        out.push(Named { line, path, inline: inline.to_vec(), used_as: used_as.filter(|_| in_use) });
    }
    i
}

/// The module path of the library file `rel` (`src/ui/share/menu.rs` is `["ui", "share",
/// "menu"]`), or `None` for the files of other crates (the binaries, tests and benchmarks),
/// which name the library `keel`.
fn module_of(rel: &str) -> Option<Vec<String>> {
    let inner = rel.strip_prefix("src/")?.strip_suffix(".rs")?;
    if inner == "main" || inner.starts_with("bin/") {
        return None;
    }
    let mut segments: Vec<String> = inner.split('/').map(String::from).collect();
    if segments.last().is_some_and(|s| s == "mod" || (s == "lib" && segments.len() == 1)) {
        segments.pop();
    }
    Some(segments)
}

/// Where `named`, in file `rel` (which declares the modules `children`), points from the crate
/// root; `None` for what is not a path into the library (`std::…`, a local name).
fn resolve(rel: &str, children: &[String], named: &Named) -> Option<Vec<String>> {
    let (first, rest) = named.path.split_first()?;
    let Some(file_module) = module_of(rel) else {
        return (first == "keel").then(|| rest.to_vec());
    };
    let mut module = [file_module, named.inline.clone()].concat();
    match first.as_str() {
        "crate" => Some(rest.to_vec()),
        "self" => Some([module, rest.to_vec()].concat()),
        "super" => {
            let mut path = named.path.as_slice();
            while path.first().is_some_and(|s| s == "super") {
                module.pop()?;
                path = &path[1..];
            }
            Some([module, path.to_vec()].concat())
        }
        _ if named.inline.is_empty() && children.contains(first) => Some([module, named.path.clone()].concat()),
        _ => None,
    }
}

/// A source file: its path from the repository's root and its text.
type Source = (String, String);

/// A path into the library, from the crate root, with the line naming it.
type Resolved = (usize, Vec<String>);

/// Every file scanned, with the paths it names resolved from the crate root.
fn resolved_paths(files: &[Source]) -> Vec<(&str, Vec<Resolved>)> {
    files
        .iter()
        .map(|(rel, text)| {
            let found = scan(text);
            let children: Vec<String> = found.mods.iter().map(|(_, name, _)| name.clone()).collect();
            let paths = found.paths.iter().filter_map(|n| Some((n.line, resolve(rel, &children, n)?))).collect();
            (rel.as_str(), paths)
        })
        .collect()
}

/// The modules directly in folder `dir` (a path from the repository's root): its files but
/// `mod.rs`, and its folders.
fn children_of(files: &[Source], dir: &str) -> Vec<String> {
    let mut children: Vec<String> = files
        .iter()
        .filter_map(|(rel, _)| rel.strip_prefix(dir)?.strip_prefix('/'))
        .map(|inside| inside.split('/').next().unwrap_or(inside).trim_end_matches(".rs").to_string())
        .filter(|name| name != "mod")
        .collect();
    children.sort();
    children.dedup();
    children
}

/// The folders under `src/ui/`, at any depth.
fn ui_folders(files: &[Source]) -> Vec<String> {
    let mut folders: Vec<String> = files
        .iter()
        .filter(|(rel, _)| rel.starts_with("src/ui/"))
        .flat_map(|(rel, _)| {
            let parts: Vec<&str> = rel.split('/').collect();
            (3..parts.len()).map(move |n| parts[..n].join("/"))
        })
        .collect();
    folders.sort();
    folders.dedup();
    folders
}

/// The module path of folder `dir` (`src/ui/share` is `["ui", "share"]`).
fn folder_module(dir: &str) -> Vec<String> {
    dir.strip_prefix("src/").unwrap_or(dir).split('/').map(String::from).collect()
}

/// Which modules of folder `dir` use which, with where each use first appears: module `a`
/// (its file, or any file in its folder) naming `b` — directly, or through a name that `dir`'s
/// `mod.rs` re-exports from `b`. A module naming its parent's own items is not counted.
fn area_graph(files: &[Source], dir: &str) -> BTreeMap<(String, String), String> {
    let module = folder_module(dir);
    let children = children_of(files, dir);
    let resolved = resolved_paths(files);
    let n = module.len();
    let child_after = |path: &[String]| {
        (path.len() > n && path[..n] == module[..] && children.contains(&path[n])).then(|| path[n].clone())
    };
    // The names `dir`'s mod.rs brings in from its children (`pub use app::{App, AppProps}`).
    let mod_rs = format!("{dir}/mod.rs");
    let mut reexports: BTreeMap<String, String> = BTreeMap::new();
    if let Some((rel, text)) = files.iter().find(|(rel, _)| *rel == mod_rs) {
        let found = scan(text);
        let declared: Vec<String> = found.mods.iter().map(|(_, name, _)| name.clone()).collect();
        for named in &found.paths {
            let (Some(name), Some(path)) = (&named.used_as, resolve(rel, &declared, named)) else { continue };
            if let Some(child) = child_after(&path).filter(|_| path.len() > n + 1) {
                reexports.insert(name.clone(), child);
            }
        }
    }
    let mut graph = BTreeMap::new();
    for (rel, paths) in &resolved {
        let Some(inside) = rel.strip_prefix(dir).and_then(|r| r.strip_prefix('/')) else { continue };
        let from = inside.split('/').next().unwrap_or(inside).trim_end_matches(".rs").to_string();
        if from == "mod" {
            continue;
        }
        for (line, path) in paths {
            if path.len() <= n || path[..n] != module[..] {
                continue;
            }
            let to = child_after(path).or_else(|| reexports.get(&path[n]).cloned());
            if let Some(to) = to.filter(|to| *to != from) {
                graph.entry((from.clone(), to)).or_insert_with(|| format!("{rel}:{line} names `{}`", path.join("::")));
            }
        }
    }
    graph
}

/// A cycle in `graph`, as its modules with the first one again at the end.
fn find_cycle(graph: &BTreeMap<(String, String), String>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<(String, String), String>,
        done: &mut Vec<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == node) {
            return Some([&stack[at..], &[node.to_string()]].concat());
        }
        if done.iter().any(|d| d == node) {
            return None;
        }
        stack.push(node.to_string());
        for (_, to) in graph.keys().filter(|(from, _)| from == node) {
            if let Some(cycle) = visit(to, graph, done, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.push(node.to_string());
        None
    }
    let mut done = Vec::new();
    graph.keys().find_map(|(from, _)| visit(from, graph, &mut done, &mut Vec::new()))
}

/// Every violation of the ui's folder rules in `files` (paths from the repository's root):
/// - each folder under `src/ui/` has a `mod.rs`, which declares its files without `pub`, and
///   no file outside the folder names a path into one of them (`ui::results::table::X`):
///   outside code goes through what the `mod.rs` re-exports;
/// - neither the modules directly in `src/ui/` (its files and folders, the areas) nor the
///   files of one folder use each other in a cycle.
fn area_violations(files: &[Source]) -> Vec<String> {
    let mut found = Vec::new();
    let resolved = resolved_paths(files);
    let folders = ui_folders(files);
    for dir in &folders {
        let mod_rs = format!("{dir}/mod.rs");
        match files.iter().find(|(rel, _)| *rel == mod_rs) {
            None => found.push(format!("{dir}/: has no mod.rs saying what the area is and what it offers")),
            Some((_, text)) => {
                for (line, name, visible) in scan(text).mods {
                    if visible {
                        found.push(format!(
                            "{mod_rs}:{line}: declares `{name}` with a visibility: a folder's files are private to it (`mod {name};`); re-export what others use"
                        ));
                    }
                }
            }
        }
        let (module, children) = (folder_module(dir), children_of(files, dir));
        let n = module.len();
        for (rel, paths) in &resolved {
            if rel.starts_with(&format!("{dir}/")) {
                continue;
            }
            for (line, path) in paths {
                if path.len() > n && path[..n] == module[..] && children.contains(&path[n]) {
                    found.push(format!(
                        "{rel}:{line}: names `{}` inside {dir}/: go through {mod_rs} (`{}::…`), re-exporting there what is needed",
                        path.join("::"),
                        module.join("::")
                    ));
                }
            }
        }
    }
    for dir in std::iter::once("src/ui").chain(folders.iter().map(String::as_str)) {
        let graph = area_graph(files, dir);
        if let Some(cycle) = find_cycle(&graph) {
            let uses: Vec<&str> = cycle.windows(2).map(|w| graph[&(w[0].clone(), w[1].clone())].as_str()).collect();
            found.push(format!(
                "{dir}/: import cycle {} ({}); move what both need into a shared module (as ui::state) or invert the dependency",
                cycle.join(" → "),
                uses.join("; ")
            ));
        }
    }
    found
}

/// Every `.rs` file under the repository's `dirs`, as paths from its root with their text.
fn repository_sources(dirs: &[&str]) -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    dirs.iter()
        .flat_map(|dir| rust_files(&root.join(dir)))
        .map(|file| {
            let rel =
                file.strip_prefix(root).unwrap_or_else(|_| panic!("{} is outside the repository", file.display()));
            let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
            (rel, text)
        })
        .collect()
}

#[test]
fn source_tree_is_tidy() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    let rels: Vec<String> = files
        .iter()
        .map(|f| {
            let rel = f.strip_prefix(&src).unwrap_or_else(|_| panic!("{} is outside src/", f.display()));
            rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
        })
        .collect();
    for expected in ["lib.rs", "main.rs", "editor/mod.rs", "ui/app.rs", "model/mod.rs"] {
        assert!(rels.iter().any(|r| r == expected), "the walk missed src/{expected}: found {rels:?}");
    }
    let mut all = Vec::new();
    for (file, rel) in files.iter().zip(&rels) {
        let source = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        all.extend(violations(rel, &source));
    }
    assert!(all.is_empty(), "tidy violations:\n{}", all.join("\n"));
}

#[test]
fn checker_flags_browser_crates_in_the_pure_core_only() {
    let bad = "//! Engine.\nuse yew::prelude::*;\nfn f() { web_sys::window(); }\n#[wasm_bindgen]\nfn g() {}\n";
    let found = violations("engine/mod.rs", bad);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].contains("src/engine/mod.rs:2") && found[0].contains("`yew`"), "{found:?}");
    assert!(found[1].contains(":3") && found[1].contains("`web_sys`"), "{found:?}");
    assert!(found[2].contains(":4") && found[2].contains("`wasm_bindgen`"), "{found:?}");

    let more = "//! X.\nuse gloo_timers::callback::Timeout;\nlet a = js_sys::Array::new();\nuse gloo::events;\n";
    assert_eq!(violations("format/link.rs", more).len(), 3);

    // The same code is allowed in the view and the entry point.
    assert!(violations("ui/canvas.rs", bad).is_empty());
    assert!(violations("main.rs", bad).is_empty());
}

#[test]
fn checker_ignores_comments_literals_and_lookalikes() {
    let fine = concat!(
        "//! The core imports no yew, web_sys or gloo.\n",
        "/* wasm_bindgen /* nested js_sys */ yew */\n",
        "const A: &str = \"yew::html\";\n",
        "const B: &str = r#\"web_sys \"quoted\" gloo\"#;\n",
        "const C: char = '\"'; const D: char = '\\'';\n",
        "fn f<'a>(yewtree: &'a str, my_gloo: u8) -> &'a str { yewtree }\n",
    );
    assert_eq!(violations("model/mod.rs", fine), Vec::<String>::new());
    // A char literal holding a quote must not hide the code after it.
    let hidden = "//! X.\nconst C: char = '\"';\nuse js_sys::Array;\n";
    assert_eq!(violations("model/mod.rs", hidden).len(), 1);
}

#[test]
fn checker_keeps_the_engine_out_of_the_model() {
    let bad = "//! Validation.\nuse crate::engine::ids::IdIndex;\nfn f() { super::super::engine::plan(); }\n";
    let found = violations("model/validate.rs", bad);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].contains("src/model/validate.rs:2") && found[0].contains("`engine`"), "{found:?}");
    assert!(found[1].contains(":3") && found[1].contains("`engine`"), "{found:?}");
    let grouped = "//! X.\nuse crate::{duration, engine::plan};\n";
    assert_eq!(violations("model/mod.rs", grouped).len(), 1);

    // The rest of the core may use the engine, and the model may name it outside code.
    assert!(violations("format/mod.rs", bad).is_empty());
    assert!(violations("ids.rs", bad).is_empty());
    let fine =
        "//! The engine plans it.\n/// See crate::engine::plan.\nconst A: &str = \"engine\";\nfn f(engines: u8) {}\n";
    assert!(violations("model/mod.rs", fine).is_empty());
}

#[test]
fn checker_requires_a_leading_inner_doc_comment() {
    assert_eq!(violations("ui/header.rs", "/// Outer doc.\nfn f() {}\n").len(), 1);
    assert_eq!(violations("duration.rs", "\n//! Late doc.\n").len(), 1);
    assert_eq!(violations("model/mod.rs", "// Plain comment.\n").len(), 1);
    assert!(violations("model/mod.rs", "//! Doc.\n").is_empty());
}

#[test]
fn ui_areas_are_entered_through_mod_rs_without_import_cycles() {
    let files = repository_sources(&["src", "tests", "benches"]);
    // The walk and the scanner must see the areas and the uses between them: a scanner that
    // found nothing would find no violation either.
    let graph = area_graph(&files, "src/ui");
    for (from, to) in
        [("app", "header"), ("header", "share"), ("root", "app"), ("results", "share"), ("palette", "canvas")]
    {
        assert!(
            graph.contains_key(&(from.to_string(), to.to_string())),
            "no use of ui::{to} seen in ui::{from}: {graph:?}"
        );
    }
    let results = area_graph(&files, "src/ui/results");
    assert!(results.contains_key(&("drawer".to_string(), "table".to_string())), "{results:?}");
    let found = area_violations(&files);
    assert!(found.is_empty(), "ui folder violations:\n{}", found.join("\n"));
}

/// An in-memory source tree for the checker's own tests.
fn tree(files: &[(&str, &str)]) -> Vec<Source> {
    files.iter().map(|(rel, text)| (rel.to_string(), text.to_string())).collect()
}

#[test]
fn checker_keeps_a_folders_files_private() {
    let files = tree(&[
        ("src/ui/mod.rs", "//! Ui.\npub mod app;\npub mod results;\npub mod canvas;\n"),
        (
            "src/ui/app.rs",
            "//! App.\nuse super::results::Results;\nuse super::results::table::FIRST_ROWS;\n\
             fn f() { crate::ui::results::table::draw(); }\nuse crate::ui::{results::{drawer::Tab}};\n\
             // super::results::table::FIRST_ROWS in a comment\nconst A: &str = \"results::table::X\";\n",
        ),
        (
            "src/ui/results/mod.rs",
            "//! Results.\nmod drawer;\npub mod table;\npub(crate) mod plots;\npub use drawer::Results;\n",
        ),
        ("src/ui/results/drawer.rs", "//! Drawer.\nuse super::table::ResultsTable;\n"),
        ("src/ui/results/table.rs", "//! Table.\npub const FIRST_ROWS: usize = 16;\n"),
        ("src/ui/results/plots.rs", "//! Plots.\n"),
        ("src/ui/canvas/surface.rs", "//! A folder without mod.rs.\n"),
        ("tests/ssr.rs", "//! Test.\nuse keel::ui::results::table::FIRST_ROWS;\nuse keel::ui::results::Results;\n"),
    ]);
    let found = area_violations(&files);
    let expected = [
        "src/ui/canvas/: has no mod.rs",
        "src/ui/results/mod.rs:3: declares `table` with a visibility",
        "src/ui/results/mod.rs:4: declares `plots` with a visibility",
        "src/ui/app.rs:3: names `ui::results::table::FIRST_ROWS` inside src/ui/results/",
        "src/ui/app.rs:4: names `ui::results::table::draw`",
        "src/ui/app.rs:5: names `ui::results::drawer::Tab`",
        "tests/ssr.rs:2: names `ui::results::table::FIRST_ROWS`",
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for e in expected {
        assert!(found.iter().any(|f| f.starts_with(e)), "missing {e:?} in {found:#?}");
    }
}

#[test]
fn checker_names_an_import_cycle_between_areas() {
    let mut files = tree(&[
        ("src/ui/mod.rs", "//! Ui.\nmod app;\npub mod header;\npub mod share;\npub mod state;\npub use app::{App, AppProps as Props};\n"),
        ("src/ui/app.rs", "//! App.\nuse super::header::Header;\nuse super::state::use_editor;\n"),
        ("src/ui/state.rs", "//! State.\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use super::use_editor;\n}\n"),
        ("src/ui/header/mod.rs", "//! Header.\nmod bar;\npub use bar::Header;\n"),
        ("src/ui/header/bar.rs", "//! Bar.\nuse crate::ui::share::ShareMenu;\nuse super::super::state;\n"),
        ("src/ui/share/mod.rs", "//! Share.\nmod menu;\nmod shelf;\npub use menu::ShareMenu;\npub struct Shelf;\n"),
        ("src/ui/share/menu.rs", "//! Menu.\nuse super::shelf::tell;\nuse super::Shelf;\nfn f() { let _ = crate::ui::Props::default(); }\n"),
        ("src/ui/share/shelf.rs", "//! Shelf.\nuse crate::ui::state;\n"),
    ]);
    let found = area_violations(&files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("src/ui/: import cycle app → header → share → app ("), "{found:#?}");
    assert!(
        found[0].contains("src/ui/share/menu.rs:4 names `ui::Props::default`"),
        "through the re-export: {found:#?}"
    );
    assert!(found[0].contains("src/ui/header/bar.rs:2 names `ui::share::ShareMenu`"), "{found:#?}");

    // Without the way back, none.
    files[6].1 = "//! Menu.\nuse super::shelf::tell;\nuse super::Shelf;\n".to_string();
    assert_eq!(area_violations(&files), Vec::<String>::new());

    // An inline module's `super` is the file's own module; its paths count as the file's.
    let named = scan("//! N.\nuse super::dom;\n#[cfg(test)]\nmod tests {\n    use super::{num, super::app::App};\n}\n");
    let resolved: Vec<String> =
        named.paths.iter().filter_map(|n| resolve("src/ui/num.rs", &[], n)).map(|p| p.join("::")).collect();
    assert_eq!(resolved, ["ui::dom", "ui::num::num", "ui::app::App"]);

    // Within a folder too.
    files[7].1 = "//! Shelf.\nuse crate::ui::state;\nfn f() { super::menu::open(); }\n".to_string();
    let found = area_violations(&files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("src/ui/share/: import cycle menu → shelf → menu ("), "{found:#?}");
}

/// The codemap of ARCHITECTURE.md: per row, the backticked names in its path cell and in the
/// whole row.
struct Codemap {
    rows: Vec<(Vec<String>, Vec<String>)>,
}

/// The text between backticks: `a` and `b/` in "x `a` y `b/`".
fn backticked(text: &str) -> Vec<String> {
    text.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

impl Codemap {
    fn parse(architecture: &str) -> Codemap {
        let section = architecture.split("\n## Codemap").nth(1).unwrap_or("");
        let section = section.split("\n## ").next().unwrap_or("");
        let rows = section
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| path") && !l.starts_with("|---"))
            .map(|l| {
                let path_cell = l.split('|').nth(1).unwrap_or("");
                (backticked(path_cell), backticked(l))
            })
            .collect();
        Codemap { rows }
    }

    /// Whether the codemap names `file` (a path from the repository's root).
    fn names(&self, file: &str) -> bool {
        if self.rows.iter().any(|(_, all)| all.iter().any(|t| t == file)) {
            return true;
        }
        // The name the file goes by in its folder's row: a folder's mod.rs by the folder's.
        let mut parts: Vec<&str> = file.split('/').collect();
        let Some(last) = parts.pop() else { return false };
        let stem = if last == "mod.rs" {
            match parts.pop() {
                Some(folder) => folder.to_string(),
                None => return false,
            }
        } else {
            last.split('.').next().unwrap_or(last).to_string()
        };
        if last == "mod.rs" {
            // A folder with a row of its own is named by it.
            let own = format!("{}/{}/", parts.join("/"), stem);
            if self.rows.iter().any(|(paths, _)| paths.contains(&own)) {
                return true;
            }
        }
        let accepted = |t: &str| {
            t == stem
                || t == last
                || t == format!("{stem}/")
                || t.ends_with(&format!("/{last}"))
                || t.ends_with(&format!("/{stem}/"))
        };
        // The nearest folder above with a row of its own decides.
        while !parts.is_empty() {
            let dir = format!("{}/", parts.join("/"));
            let rows: Vec<&Vec<String>> =
                self.rows.iter().filter(|(paths, _)| paths.contains(&dir)).map(|(_, all)| all).collect();
            if !rows.is_empty() {
                return rows.iter().any(|all| all.iter().any(|t| accepted(t)));
            }
            parts.pop();
        }
        false
    }
}

/// The files of `files` that `architecture`'s codemap does not name.
fn unnamed_in_codemap<'a>(architecture: &str, files: &[&'a str]) -> Vec<&'a str> {
    let map = Codemap::parse(architecture);
    files.iter().copied().filter(|f| !map.names(f)).collect()
}

/// Every file of the repository the codemap must name.
fn codemap_files() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = repository_sources(&["src", "benches", "tests"])
        .into_iter()
        .map(|(rel, _)| rel)
        // tests/ itself: its top-level files; fixtures and snapshots are data.
        .filter(|rel| !rel.starts_with("tests/") || rel.matches('/').count() == 1)
        .collect();
    let e2e = std::fs::read_dir(root.join("tests/e2e")).unwrap_or_else(|e| panic!("cannot read tests/e2e: {e}"));
    for entry in e2e.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".mjs") {
            files.push(format!("tests/e2e/{name}"));
        }
    }
    files.sort();
    files
}

#[test]
fn the_codemap_names_every_module_and_test_file() {
    let architecture = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
        .unwrap_or_else(|e| panic!("cannot read ARCHITECTURE.md: {e}"));
    let files = codemap_files();
    for expected in ["src/lib.rs", "src/engine/rules.rs", "tests/tidy.rs", "tests/e2e/browser.mjs", "benches/engine.rs"]
    {
        assert!(files.iter().any(|f| f == expected), "the walk missed {expected}: found {files:?}");
    }
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let missing = unnamed_in_codemap(&architecture, &refs);
    assert!(missing.is_empty(), "ARCHITECTURE.md's codemap does not name:\n{}", missing.join("\n"));
}

#[test]
fn checker_finds_files_the_codemap_does_not_name() {
    let architecture = "# A\n\n## Codemap\n\n| path | what |\n|---|---|\n\
        | `src/engine/` | The engine: `candidates`, `lineage/` (`solver`). |\n\
        | `src/engine/rules.rs` | The rules. |\n\
        | `src/ui/` | `canvas/` (`surface`). |\n\
        | `tests/e2e/` | `shell.test.mjs`. |\n\
        | `src/lib.rs` | The crate. |\n\n## Invariants\n\n`src/hidden.rs` is not in the codemap.\n";
    let files = [
        "src/lib.rs",
        "src/engine/mod.rs",
        "src/engine/candidates.rs",
        "src/engine/rules.rs",
        "src/engine/lineage/mod.rs",
        "src/engine/lineage/solver.rs",
        "src/ui/canvas/mod.rs",
        "src/ui/canvas/surface.rs",
        "tests/e2e/shell.test.mjs",
        // Not named: in no row, in a row that does not name them, or only outside the codemap.
        "src/engine/choose.rs",
        "src/ui/canvas/minimap.rs",
        "src/hidden.rs",
        "tests/e2e/share.test.mjs",
        "tests/tidy.rs",
    ];
    assert_eq!(
        unnamed_in_codemap(architecture, &files),
        [
            "src/engine/choose.rs",
            "src/ui/canvas/minimap.rs",
            "src/hidden.rs",
            "tests/e2e/share.test.mjs",
            "tests/tidy.rs"
        ]
    );
}
