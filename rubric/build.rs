//! Writes the rubric's names (aspects, indicator titles, level names) as
//! static Rust tables from `data/rubric-v1.json` and `data/rubric-v2.json`
//! (one module per version), for `rubric::names`: the apps that only name
//! indicators (jury, company, coordinator) then carry neither the whole
//! rubric text nor its parser. `names::tests` checks the tables against the
//! parsed rubrics.

use std::fmt::Write as _;

fn text(v: &serde_json::Value, file: &str, what: &str) -> (String, String) {
    let get = |lang: &str| v[lang].as_str().unwrap_or_else(|| panic!("{file}: {what} has no {lang} text")).to_string();
    (get("nl"), get("en"))
}

fn tables(file: &str, module: &str, out: &mut String) {
    println!("cargo:rerun-if-changed=data/{file}");
    let json = std::fs::read_to_string(format!("data/{file}")).unwrap_or_else(|_| panic!("rubric/data/{file} is readable"));
    let rubric: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|_| panic!("{file} is JSON"));
    let _ = writeln!(out, "pub mod {module} {{");
    out.push_str("/// (aspect key, Dutch, English), in rubric order.\npub static ASPECTS: &[(&str, &str, &str)] = &[\n");
    let aspects = rubric["aspects"].as_array().unwrap_or_else(|| panic!("{file}: aspects"));
    for a in aspects {
        let (nl, en) = text(&a["name"], file, "an aspect name");
        let _ = writeln!(out, "    ({:?}, {nl:?}, {en:?}),", a["id"].as_str().expect("aspect id"));
    }
    out.push_str("];\n/// (indicator id, aspect key, Dutch title, English title), in rubric order.\npub static INDICATORS: &[(&str, &str, &str, &str)] = &[\n");
    for a in aspects {
        let aspect = a["id"].as_str().expect("aspect id");
        for i in a["indicators"].as_array().expect("indicators") {
            let (nl, en) = text(&i["title"], file, "an indicator title");
            let _ = writeln!(out, "    ({:?}, {aspect:?}, {nl:?}, {en:?}),", i["id"].as_str().expect("indicator id"));
        }
    }
    out.push_str("];\n/// Level names 1 to 4: (Dutch, English).\npub static LEVELS: &[(&str, &str)] = &[\n");
    for l in rubric["level_names"].as_array().expect("level_names") {
        let (nl, en) = text(&l["name"], file, "a level name");
        let _ = writeln!(out, "    ({nl:?}, {en:?}),");
    }
    out.push_str("];\n}\n");
}

fn main() {
    let mut out = String::new();
    tables("rubric-v1.json", "v1", &mut out);
    tables("rubric-v2.json", "v2", &mut out);
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("names.rs");
    std::fs::write(dest, out).expect("names.rs is written");
}
