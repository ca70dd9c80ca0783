//! Tidy checks over the source tree, run by native `cargo test`:
//!
//! - the pure core (every file under `src/` except `src/main.rs` and `src/ui/**`) uses no
//!   `yew`, `web_sys`, `gloo`, `wasm_bindgen` or `js_sys`;
//! - the model (`src/model/**`) does not use the engine: it sits below it, so what both need
//!   lives below both (as `src/ids.rs` does); any `engine` identifier in its code counts;
//! - every `.rs` file under `src/` starts with a `//!` doc comment.
//!
//! The checker works on source text, skipping comments and string and char literals, and is
//! itself tested on in-memory examples so that it can be seen to fail.

// Native only: reads the source tree from disk.
#![cfg(not(target_arch = "wasm32"))]

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

/// The identifiers of `source`'s code, with their line numbers, outside comments and literals.
fn code_identifiers(source: &str) -> Vec<(usize, String)> {
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
        } else {
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
