//! The JSON Schema editors use agrees with the engine on what a questions file may be.

use reader_quiz::{Quiz, SCHEMA};
use serde_json::{json, Value};

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn shipped() -> Value {
    serde_json::from_str(include_str!("../questions.json")).unwrap()
}

#[test]
fn the_shipped_quiz_satisfies_the_schema() {
    let validator = validator();
    let doc = shipped();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_test_fixtures_that_the_engine_accepts_satisfy_the_schema() {
    let doc: Value = serde_json::from_str(include_str!("fixtures/small.json")).unwrap();
    assert!(Quiz::from_json(&doc.to_string()).is_ok());
    assert!(validator().is_valid(&doc));
}

#[test]
fn shape_mistakes_the_engine_refuses_the_schema_refuses_too() {
    type Edit = fn(&mut Value);
    let cases: &[(&str, Edit)] = &[
        ("typo in a choice field", |d| {
            d["questions"][0]["choices"][0]["corect"] = json!(true)
        }),
        ("unknown top-level field", |d| d["colour"] = json!("red")),
        ("missing explanation", |d| {
            d["questions"][0].as_object_mut().unwrap().remove("explanation");
        }),
        ("points as a string", |d| d["questions"][0]["points"] = json!("two")),
        ("unknown kind", |d| d["questions"][0]["kind"] = json!("truefalse")),
        ("unknown policy", |d| d["settings"]["policy"] = json!("generous")),
        ("format 2", |d| d["format"] = json!(2)),
        ("upper-case id", |d| d["questions"][0]["id"] = json!("Q1")),
        ("http url", |d| d["source"]["url"] = json!("http://example.com")),
        ("empty prompt", |d| d["questions"][0]["prompt"] = json!(" ")),
        ("pass mark above 100", |d| d["settings"]["pass_mark"] = json!(101)),
        ("one choice", |d| {
            d["questions"][0]["choices"].as_array_mut().unwrap().truncate(1);
        }),
        ("102 bands", |d| {
            let band = json!({ "min": 0, "max": 100, "title": "All", "message": "Done" });
            d["bands"] = json!(vec![band; 102]);
        }),
    ];
    let validator = validator();
    for (name, edit) in cases {
        let mut doc = shipped();
        edit(&mut doc);
        assert!(Quiz::from_json(&doc.to_string()).is_err(), "the engine accepts: {name}");
        assert!(!validator.is_valid(&doc), "the schema accepts: {name}");
    }
}
