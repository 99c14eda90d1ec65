//! What a browser shows when the quiz is mounted: run with `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use reader_quiz::web::mount;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const QUIZ: &str = include_str!("fixtures/small.json");

fn host() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn options(storage_key: &str) -> JsValue {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"storageKey".into(), &storage_key.into()).unwrap();
    js_sys::Reflect::set(&options, &"seed".into(), &1.into()).unwrap();
    options.into()
}

fn click(host: &Element, selector: &str) {
    let element = host
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"));
    element.dyn_into::<HtmlElement>().unwrap().click();
}

fn text(host: &Element, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

/// The id of the first element under `host` that matches `selector`.
fn id_of(host: &Element, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .id()
}

/// The ids the question's fieldset under `host` is described by, space-separated.
fn described_by(host: &Element) -> String {
    host.query_selector("fieldset")
        .unwrap()
        .unwrap()
        .get_attribute("aria-describedby")
        .unwrap()
}

#[wasm_bindgen_test]
fn mount_draws_each_question_as_a_fieldset_with_a_legend_and_labelled_native_inputs() {
    let host = host();
    mount(host.clone(), QUIZ, options("web-test-fieldset")).unwrap();
    assert_eq!(host.get_attribute("lang").as_deref(), Some("en"));
    click(&host, "button[data-action=start]");
    let fieldset = host.query_selector("fieldset.rq-question").unwrap().unwrap();
    // Shown alone, the question has its number in the progress line, and said in its legend.
    assert_eq!(text(&fieldset, "legend"), "Question 1Which city is the capital?");
    assert_eq!(text(&fieldset, "legend .rq-number.rq-visually-hidden"), "Question 1");
    let hint_id = id_of(&fieldset, ".rq-hint");
    assert_eq!(fieldset.get_attribute("aria-describedby"), Some(hint_id));
    let inputs = fieldset.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(inputs.length(), 2);
    for i in 0..inputs.length() {
        let input: HtmlInputElement = inputs.item(i).unwrap().dyn_into().unwrap();
        let label = fieldset
            .query_selector(&format!("label[for=\"{}\"]", input.id()))
            .unwrap();
        assert!(label.is_some(), "input {} has a label", input.id());
    }
}

#[wasm_bindgen_test]
fn checking_an_answer_marks_choices_with_words_and_describes_the_fieldset_by_the_feedback_alone() {
    let host = host();
    mount(host.clone(), QUIZ, options("web-test-reveal")).unwrap();
    click(&host, "button[data-action=start]");
    click(&host, "input[value=gyumri]");
    click(&host, "button[data-action=reveal]");
    assert_eq!(text(&host, ".rq-feedback-title"), "✗ Incorrect");
    assert_eq!(text(&host, ".rq-choice-feedback"), "Gyumri is the second city.");
    assert_eq!(text(&host, ".rq-choice-wrong .rq-mark"), "✗ Your answer: incorrect");
    assert_eq!(
        text(&host, ".rq-choice-correct .rq-mark"),
        "✓ Correct answer, not selected"
    );
    // The hint ("Select one answer") is gone: nothing is left to select.
    assert!(host.query_selector(".rq-hint").unwrap().is_none());
    assert_eq!(described_by(&host), id_of(&host, ".rq-feedback"));
    assert_eq!(text(&host, "[role=status]"), "Incorrect. 0 of 1 point.");
}

#[wasm_bindgen_test]
fn checking_without_an_answer_asks_for_one_beside_the_question() {
    let host = host();
    mount(host.clone(), QUIZ, options("web-test-missing")).unwrap();
    click(&host, "button[data-action=start]");
    click(&host, "button[data-action=reveal]");
    assert_eq!(text(&host, ".rq-error-message"), "Select an answer before checking it.");
    let error_id = id_of(&host, ".rq-error-message");
    let described_by = described_by(&host);
    assert!(described_by.contains(&error_id));
    click(&host, "input[value=yerevan]");
    assert!(host.query_selector(".rq-error-message").unwrap().is_none());
}

#[wasm_bindgen_test]
fn a_broken_file_shows_every_problem_in_place_of_the_quiz() {
    let host = host();
    let error = mount(
        host.clone(),
        include_str!("fixtures/broken-rules.json"),
        JsValue::UNDEFINED,
    );
    assert!(error.is_err());
    assert_eq!(host.query_selector("[role=alert]").unwrap().map(|_| ()), Some(()));
    assert_eq!(host.query_selector_all("[role=alert] li").unwrap().length(), 6);
}

#[cfg(feature = "headless")]
#[wasm_bindgen_test]
fn check_questions_lists_the_problems_mount_shows_and_none_for_a_valid_file() {
    use reader_quiz::web::check_questions;

    let broken = include_str!("fixtures/broken-rules.json");
    let host = host();
    assert!(mount(host.clone(), broken, JsValue::UNDEFINED).is_err());
    let items = host.query_selector_all("[role=alert] li").unwrap();
    let shown: Vec<String> = (0..items.length())
        .map(|i| items.item(i).unwrap().text_content().unwrap_or_default())
        .collect();
    assert_eq!(check_questions(broken), shown);
    assert!(check_questions(QUIZ).is_empty());
}

#[wasm_bindgen_test]
fn two_quizzes_on_one_page_keep_their_ids_apart() {
    let (a, b) = (host(), host());
    mount(a.clone(), QUIZ, options("web-test-a")).unwrap();
    mount(b.clone(), QUIZ, options("web-test-b")).unwrap();
    click(&a, "button[data-action=start]");
    click(&b, "button[data-action=start]");
    let id_a = id_of(&a, "input");
    let id_b = id_of(&b, "input");
    assert_ne!(id_a, id_b);
}

#[wasm_bindgen_test]
fn mounting_twice_into_one_element_is_refused() {
    let host = host();
    mount(host.clone(), QUIZ, options("web-test-twice")).unwrap();
    assert!(mount(host.clone(), QUIZ, options("web-test-twice")).is_err());
    click(&host, "button[data-action=start]");
    assert_eq!(text(&host, ".rq-progress-text"), "Question 1 of 2");
}

#[wasm_bindgen_test]
fn a_seed_that_a_number_does_not_carry_exactly_as_a_whole_one_is_refused_not_cast() {
    for seed in [-1.0, 0.5, f64::NAN, 1e300] {
        let options = options("web-test-seed");
        js_sys::Reflect::set(&options, &"seed".into(), &seed.into()).unwrap();
        let error: js_sys::Error = JsValue::from(mount(host(), QUIZ, options).unwrap_err()).unchecked_into();
        assert_eq!(
            String::from(error.message()),
            "seed: expected a whole number from 0 to 9007199254740991"
        );
    }
}

#[wasm_bindgen_test]
async fn the_idle_rehearsal_of_the_first_click_leaves_page_focus_storage_and_events_alone() {
    let host = host();
    let events = js_sys::Array::new();
    let record = {
        let events = events.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            events.push(&event.type_().into());
        })
    };
    for name in ["started", "answered", "revealed", "completed"] {
        host.add_event_listener_with_callback(&format!("reader-quiz:{name}"), record.as_ref().unchecked_ref())
            .unwrap();
    }
    mount(host.clone(), QUIZ, options("web-test-rehearsal")).unwrap();
    // A reader typing elsewhere on the page.
    let document = web_sys::window().unwrap().document().unwrap();
    let field: HtmlElement = document.create_element("input").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&field).unwrap();
    field.focus().unwrap();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let saved = storage.get_item("web-test-rehearsal").unwrap();
    let drawn = host.inner_html();
    // What comes and goes in the host: the rehearsal's copy, and only that.
    let changes = js_sys::Array::new();
    let watch = {
        let changes = changes.clone();
        Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
            for record in records.iter() {
                let record: web_sys::MutationRecord = record.unchecked_into();
                for (nodes, sign) in [(record.added_nodes(), "+"), (record.removed_nodes(), "-")] {
                    for node in (0..nodes.length()).filter_map(|i| nodes.item(i)) {
                        let element: Element = node.unchecked_into();
                        changes.push(&format!("{sign}{}", element.class_name()).into());
                    }
                }
            }
        })
    };
    let observer = web_sys::MutationObserver::new(watch.as_ref().unchecked_ref()).unwrap();
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    observer.observe_with_options(&host, &init).unwrap();
    // Idle callbacks run in the order they were asked for: by the time this one runs, the
    // quiz's own has.
    let idle = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_idle_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(idle).await.unwrap();
    assert_eq!(host.inner_html(), drawn);
    assert_eq!(storage.get_item("web-test-rehearsal").unwrap(), saved);
    assert_eq!(events.length(), 0);
    assert_eq!(document.active_element(), Some(field.clone().into()));
    assert_eq!(
        changes.to_vec(),
        ["+rq-screen rq-rehearsal", "-rq-screen rq-rehearsal"].map(JsValue::from)
    );
    observer.disconnect();
    field.remove();
    click(&host, "button[data-action=start]");
    assert_eq!(text(&host, ".rq-progress-text"), "Question 1 of 2");
    assert_eq!(events.length(), 1);
}

#[cfg(feature = "headless")]
#[wasm_bindgen_test]
fn the_headless_session_runs_a_quiz_and_round_trips_its_snapshot() {
    use reader_quiz::web::QuizSession;

    let mut session = QuizSession::new(QUIZ, Some(3.0)).unwrap();
    assert_eq!(session.phase(), "intro");
    session.start().unwrap();
    session.answer("capital", vec!["yerevan".into()]).unwrap();
    session
        .answer("colours", vec!["red".into(), "blue".into(), "orange".into()])
        .unwrap();
    let restored = QuizSession::restore(QUIZ, &session.snapshot()).unwrap();
    let result = restored.result().unwrap();
    let field = |value: &JsValue, name: &str| js_sys::Reflect::get(value, &name.into()).unwrap();
    assert_eq!(field(&result, "percentage").as_f64(), Some(100.0));
    // JavaScript's names, as the events have them.
    assert_eq!(field(&result, "pointsText").as_string().as_deref(), Some("2"));
    assert_eq!(field(&result, "correctCount").as_f64(), Some(2.0));
    let screen = restored.screen(None).unwrap();
    assert_eq!(field(&screen, "screen").as_string().as_deref(), Some("questions"));
    assert!(field(&screen, "progressText").is_string());
    assert!(QuizSession::restore(QUIZ, "{\"v\":1").is_err());
    assert!(QuizSession::new("{", None).is_err());
}

#[wasm_bindgen_test]
fn a_page_listener_may_act_on_the_quiz_as_it_hears_of_an_answer() {
    let host = host();
    let quiz = host.clone();
    // A page that moves on as soon as a question is answered.
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
        click(&quiz, "button[data-action=next]");
    });
    host.add_event_listener_with_callback("reader-quiz:answered", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    mount(host.clone(), QUIZ, options("web-test-page-acts")).unwrap();
    click(&host, "button[data-action=start]");
    click(&host, "fieldset input");
    assert_eq!(text(&host, ".rq-progress-text"), "Question 2 of 2");
}
