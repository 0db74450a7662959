//! The committed JSON Schema (`docs/schema/comparison.schema.json`) must be the one the types
//! generate, so the documented contract cannot drift from the code. Regenerate with
//! `cargo run -p parallax-cli -- schema > docs/schema/comparison.schema.json`.

#[test]
fn committed_schema_matches_the_types() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/schema/comparison.schema.json"
    );
    let committed = std::fs::read_to_string(path).expect("docs/schema/comparison.schema.json");
    let committed: serde_json::Value = serde_json::from_str(&committed).expect("valid JSON");
    assert_eq!(
        committed,
        parallax_model::comparison_schema(),
        "regenerate the schema (see this test's docs)"
    );
}

#[test]
fn schema_names_the_contract_fields() {
    let s = parallax_model::comparison_schema().to_string();
    for field in [
        "facts",
        "unique",
        "utterances",
        "renderings",
        "fidelity",
        "figure_conflicts",
        "framing",
        "reuse",
    ] {
        assert!(s.contains(&format!("\"{field}\"")), "schema lacks {field}");
    }
}
