//! What each screen shows, as plain data: `Session::screen(Layout)` on the intro, while
//! answering (one question at a time or all on one page) and on the result, in English,
//! and the serialized form the JavaScript API hands to the page.

mod common;

use std::collections::BTreeSet;

use common::{load, question, quiz_doc, with_bands};
use reader_quiz::{
    Action, ChoiceView, FeedbackView, Focus, IntroView, Kind, Layout, Mark, Outcome, QuestionView, QuestionsView,
    ResultView, Screen, Session, Texts, Theme,
};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// Quizzes

/// The article every test quiz is based on; `author` is left out when `None`.
fn source(author: Option<&str>) -> Value {
    let mut source = json!({
        "headline": "Russia's economy slows as war spending peaks",
        "publisher": "The Moscow Times",
        "date": "2025-06-09",
        "url": "https://example.com/article"
    });
    if let Some(author) = author {
        source["author"] = json!(author);
    }
    source
}

/// A quiz with `settings` and `questions`, titled "How well did you read it?" with an intro,
/// on the article by Jason Corcoran, and result bands 0–59 "Keep reading" and 60–100 "Well read".
fn quiz_json(settings: Value, questions: Vec<Value>) -> Value {
    let mut doc = with_bands(
        quiz_doc("view-test", settings, questions),
        json!([
            { "min": 0, "max": 59, "title": "Keep reading", "message": "Have another look at the article." },
            { "min": 60, "max": 100, "title": "Well read", "message": "You know the story." }
        ]),
    );
    doc["title"] = json!("How well did you read it?");
    doc["intro"] = json!("Ten questions on today's economy story.");
    doc["source"] = source(Some("Jason Corcoran"));
    doc
}

/// A single-answer question `id` with choices a, b, c, of which a is correct.
fn single(id: &str) -> Value {
    question(id, "single", &["a", "b", "c"], &["a"])
}

/// Single-answer questions `q1` to `qn` (see [`single`]).
fn singles(n: usize) -> Vec<Value> {
    (1..=n).map(|n| single(&format!("q{n}"))).collect()
}

/// Three questions exercising every part of a reveal:
/// - `q1`, single: a correct (with feedback), b wrong (with feedback), c wrong (none); a passage link.
/// - `q2`, multiple under `halves`: a and b correct, c and d wrong; a and c have feedback.
/// - `q3`, multiple under `every_decision`, worth 3 points: a and b correct, c wrong.
fn mixed_questions() -> Vec<Value> {
    vec![
        json!({
            "id": "q1",
            "kind": "single",
            "prompt": "Who wrote the article?",
            "choices": [
                { "id": "a", "text": "Jason Corcoran", "correct": true, "feedback": "Yes: his byline is at the top." },
                { "id": "b", "text": "A news agency", "feedback": "No: the article has a named author." },
                { "id": "c", "text": "Nobody" }
            ],
            "explanation": "The byline names Jason Corcoran.",
            "passage": "https://example.com/article#byline",
        }),
        json!({
            "id": "q2",
            "kind": "multiple",
            "policy": "halves",
            "prompt": "Which sectors does the article name?",
            "choices": [
                { "id": "a", "text": "Defence", "correct": true, "feedback": "Right: defence is named first." },
                { "id": "b", "text": "Energy", "correct": true },
                { "id": "c", "text": "Tourism", "feedback": "Tourism is not mentioned." },
                { "id": "d", "text": "Fishing" }
            ],
            "explanation": "Defence and energy are named.",
        }),
        json!({
            "id": "q3",
            "kind": "multiple",
            "policy": "every_decision",
            "points": 3,
            "prompt": "Which figures does the article give?",
            "choices": [
                { "id": "a", "text": "Growth", "correct": true },
                { "id": "b", "text": "Inflation", "correct": true },
                { "id": "c", "text": "Unemployment" }
            ],
            "explanation": "Growth and inflation are given.",
        }),
    ]
}

/// A new session (seed 1) on `doc`, on its intro screen.
fn new_session(doc: &Value) -> Session {
    Session::new(load(doc), 1)
}

/// A started session (seed 1) on `doc`.
fn started(doc: &Value) -> Session {
    let mut s = new_session(doc);
    s.start().unwrap();
    s
}

/// A started session on the three mixed questions, reveal after each (the default),
/// questions and choices in file order.
fn mixed() -> Session {
    started(&quiz_json(json!({}), mixed_questions()))
}

/// A started session on the three mixed questions that reveals answers only at the end.
fn mixed_reveal_at_end() -> Session {
    started(&quiz_json(json!({ "reveal": "end" }), mixed_questions()))
}

// ---------------------------------------------------------------------------------------
// Screens

#[track_caller]
fn intro_view(s: &Session) -> IntroView {
    match s.screen(Layout::One) {
        Screen::Intro(view) => view,
        other => panic!("expected the intro screen, got {other:?}"),
    }
}

#[track_caller]
fn questions_view(s: &Session, layout: Layout) -> QuestionsView {
    match s.screen(layout) {
        Screen::Questions(view) => view,
        other => panic!("expected the questions screen, got {other:?}"),
    }
}

/// The only question shown one at a time.
#[track_caller]
fn current_view(s: &Session) -> QuestionView {
    let mut view = questions_view(s, Layout::One);
    assert_eq!(view.questions.len(), 1, "one question at a time");
    view.questions.remove(0)
}

#[track_caller]
fn result_view(s: &Session) -> ResultView {
    match s.screen(Layout::One) {
        Screen::Result(view) => view,
        other => panic!("expected the result screen, got {other:?}"),
    }
}

/// The feedback of a revealed question.
#[track_caller]
fn feedback(question: &QuestionView) -> &FeedbackView {
    question
        .feedback
        .as_ref()
        .unwrap_or_else(|| panic!("question {} has no feedback", question.id))
}

/// Each choice's id and mark, in display order.
fn marks(question: &QuestionView) -> Vec<(&str, Option<Mark>)> {
    question.choices.iter().map(|c| (c.id.as_str(), c.mark)).collect()
}

/// Each choice's id and mark text, in display order.
fn mark_texts(question: &QuestionView) -> Vec<(&str, Option<&str>)> {
    question.choices.iter().map(|c| (c.id.as_str(), c.mark_text)).collect()
}

/// The ids of the selected choices, in display order.
fn selected_ids(question: &QuestionView) -> Vec<&str> {
    question
        .choices
        .iter()
        .filter(|c| c.selected)
        .map(|c| c.id.as_str())
        .collect()
}

fn ids(questions: &[QuestionView]) -> Vec<&str> {
    questions.iter().map(|q| q.id.as_str()).collect()
}

/// Answers `id` with `choices` and reveals it.
fn answer_and_reveal(s: &mut Session, id: &str, choices: &[&str]) {
    s.answer(id, choices).unwrap();
    s.reveal(id).unwrap();
}

// ---------------------------------------------------------------------------------------
// Layout

#[test]
fn layout_names_are_one_and_all_in_any_case_and_one_is_the_default() {
    assert_eq!(Layout::parse("one"), Some(Layout::One));
    assert_eq!(Layout::parse("all"), Some(Layout::All));
    assert_eq!(Layout::parse("ALL"), Some(Layout::All));
    assert_eq!(Layout::parse("single"), None);
    assert_eq!(Layout::parse(" all"), None);
    assert_eq!(Layout::parse(""), None);
    assert_eq!(Layout::default(), Layout::One);
}

#[test]
fn theme_names_are_auto_light_and_dark_in_any_case_and_auto_is_the_default() {
    assert_eq!(Theme::parse("auto"), Some(Theme::Auto));
    assert_eq!(Theme::parse("light"), Some(Theme::Light));
    assert_eq!(Theme::parse("Dark"), Some(Theme::Dark));
    assert_eq!(Theme::parse("black"), None);
    assert_eq!(Theme::default(), Theme::Auto);
}

// ---------------------------------------------------------------------------------------
// Intro

#[test]
fn the_intro_shows_the_title_intro_source_and_start_label() {
    let s = new_session(&quiz_json(json!({}), mixed_questions()));
    let intro = intro_view(&s);
    assert_eq!(intro.title, "How well did you read it?");
    assert_eq!(intro.intro.as_deref(), Some("Ten questions on today's economy story."));
    assert_eq!(intro.source_label, "Based on");
    assert_eq!(intro.headline, "Russia's economy slows as war spending peaks");
    assert_eq!(intro.url, "https://example.com/article");
    assert_eq!(intro.byline, "Jason Corcoran, The Moscow Times, 2025-06-09");
    assert_eq!(intro.count_text, "3 questions");
    assert_eq!(intro.corrections, Vec::<String>::new());
    assert_eq!(intro.start_label, "Start the quiz");
}

#[test]
fn the_intro_is_the_same_in_both_layouts() {
    let s = new_session(&quiz_json(json!({}), mixed_questions()));
    assert_eq!(s.screen(Layout::One), s.screen(Layout::All));
}

#[test]
fn a_quiz_without_intro_text_shows_none() {
    let mut doc = quiz_json(json!({}), mixed_questions());
    doc.as_object_mut().unwrap().remove("intro");
    assert_eq!(intro_view(&new_session(&doc)).intro, None);
}

#[test]
fn the_byline_leaves_out_a_missing_author() {
    let mut doc = quiz_json(json!({}), mixed_questions());
    doc["source"] = source(None);
    let intro = intro_view(&new_session(&doc));
    assert_eq!(intro.byline, "The Moscow Times, 2025-06-09");
}

#[test]
fn the_count_text_counts_the_questions_of_an_attempt_in_the_plural() {
    let ten = singles(10);
    assert_eq!(
        intro_view(&new_session(&quiz_json(json!({}), ten))).count_text,
        "10 questions"
    );
    let two = vec![single("q1"), single("q2")];
    assert_eq!(
        intro_view(&new_session(&quiz_json(json!({}), two))).count_text,
        "2 questions"
    );
}

#[test]
fn the_count_text_is_singular_for_one_question() {
    let s = new_session(&quiz_json(json!({}), vec![single("q1")]));
    assert_eq!(intro_view(&s).count_text, "1 question");
}

#[test]
fn the_count_text_counts_the_draw_not_the_pool() {
    let pool = singles(5);
    let s = new_session(&quiz_json(json!({ "draw": 3 }), pool));
    assert_eq!(intro_view(&s).count_text, "3 questions");
    let pool = singles(5);
    let s = new_session(&quiz_json(json!({ "draw": 1 }), pool));
    assert_eq!(intro_view(&s).count_text, "1 question");
}

#[test]
fn corrections_are_shown_as_date_and_note_in_file_order() {
    let mut doc = quiz_json(json!({}), mixed_questions());
    doc["updated"] = json!("2025-06-12");
    doc["corrections"] = json!([
        { "date": "2025-06-10", "note": "Question 2 named the wrong sector." },
        { "date": "2025-06-12", "note": "The headline was updated." }
    ]);
    let intro = intro_view(&new_session(&doc));
    assert_eq!(
        intro.corrections,
        [
            "2025-06-10: Question 2 named the wrong sector.",
            "2025-06-12: The headline was updated."
        ]
    );
}

// ---------------------------------------------------------------------------------------
// One question at a time: navigation

#[test]
fn one_at_a_time_shows_only_the_current_question_and_its_progress() {
    let s = mixed();
    let view = questions_view(&s, Layout::One);
    assert_eq!(view.progress_text, "Question 1 of 3");
    assert_eq!(view.progress_value, 1);
    assert_eq!(view.progress_max, 3);
    assert_eq!(ids(&view.questions), ["q1"]);
    let q = &view.questions[0];
    assert_eq!(q.number, 1);
    assert_eq!(q.number_text, "Question 1");
    assert_eq!(q.prompt, "Who wrote the article?");
    assert_eq!(q.kind, Kind::Single);
}

#[test]
fn progress_follows_the_position() {
    let mut s = mixed();
    s.next_question().unwrap();
    let view = questions_view(&s, Layout::One);
    assert_eq!(view.progress_text, "Question 2 of 3");
    assert_eq!((view.progress_value, view.progress_max), (2, 3));
    assert_eq!(ids(&view.questions), ["q2"]);
    assert_eq!(view.questions[0].number, 2);
    assert_eq!(view.questions[0].number_text, "Question 2");
    s.next_question().unwrap();
    let view = questions_view(&s, Layout::One);
    assert_eq!(view.progress_text, "Question 3 of 3");
    assert_eq!((view.progress_value, view.progress_max), (3, 3));
    assert_eq!(ids(&view.questions), ["q3"]);
    s.previous_question().unwrap();
    assert_eq!(questions_view(&s, Layout::One).progress_text, "Question 2 of 3");
}

#[test]
fn progress_does_not_depend_on_answers() {
    let mut s = mixed();
    s.answer("q1", &["a"]).unwrap();
    s.answer("q3", &["a"]).unwrap();
    let view = questions_view(&s, Layout::One);
    assert_eq!(view.progress_text, "Question 1 of 3");
    assert_eq!(view.progress_value, 1);
}

#[test]
fn the_first_question_has_next_but_no_back_and_no_finish() {
    let view = questions_view(&mixed(), Layout::One);
    assert_eq!(view.back_label, None);
    assert_eq!(view.next_label, Some("Next question"));
    assert_eq!(view.finish_label, None);
}

#[test]
fn a_middle_question_has_back_and_next() {
    let mut s = mixed();
    s.next_question().unwrap();
    let view = questions_view(&s, Layout::One);
    assert_eq!(view.back_label, Some("Back"));
    assert_eq!(view.next_label, Some("Next question"));
    assert_eq!(view.finish_label, None);
}

#[test]
fn the_last_question_has_back_and_finish_instead_of_next() {
    let mut s = mixed();
    s.next_question().unwrap();
    s.next_question().unwrap();
    let view = questions_view(&s, Layout::One);
    assert_eq!(view.back_label, Some("Back"));
    assert_eq!(view.next_label, None);
    assert_eq!(view.finish_label, Some("See my result"));
}

#[test]
fn a_one_question_quiz_offers_only_finish() {
    let s = started(&quiz_json(json!({}), vec![single("q1")]));
    let view = questions_view(&s, Layout::One);
    assert_eq!(view.progress_text, "Question 1 of 1");
    assert_eq!(view.back_label, None);
    assert_eq!(view.next_label, None);
    assert_eq!(view.finish_label, Some("See my result"));
}

// ---------------------------------------------------------------------------------------
// One question at a time: before the reveal

#[test]
fn the_hint_depends_on_the_kind_of_question() {
    let mut s = mixed();
    let q1 = current_view(&s);
    assert_eq!(q1.kind, Kind::Single);
    assert_eq!(q1.hint, Some("Select one answer."));
    s.next_question().unwrap();
    let q2 = current_view(&s);
    assert_eq!(q2.kind, Kind::Multiple);
    assert_eq!(q2.hint, Some("Select all that apply."));
}

#[test]
fn a_question_whose_answer_is_shown_has_no_hint_left_to_follow() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["a"]);
    assert_eq!(current_view(&s).hint, None);
    s.finish().unwrap();
    assert!(result_view(&s).review.iter().all(|q| q.hint.is_none()));
}

#[test]
fn choices_are_shown_with_their_text_in_file_order_when_not_shuffled() {
    let q = current_view(&mixed());
    let choices: Vec<(&str, &str)> = q.choices.iter().map(|c| (c.id.as_str(), c.text.as_str())).collect();
    assert_eq!(
        choices,
        [("a", "Jason Corcoran"), ("b", "A news agency"), ("c", "Nobody")]
    );
}

#[test]
fn choices_follow_the_sessions_display_order_when_shuffled() {
    let doc = quiz_json(json!({ "shuffle_choices": true }), mixed_questions());
    let quiz = load(&doc);
    let mut reordered = 0;
    for seed in 0..20 {
        let mut s = Session::new(quiz.clone(), seed);
        s.start().unwrap();
        let view = questions_view(&s, Layout::All);
        for (position, question) in view.questions.iter().enumerate() {
            let slot = s.slot(position).unwrap();
            let shown: Vec<&str> = question.choices.iter().map(|c| c.id.as_str()).collect();
            let order: Vec<&str> = slot.choices.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(shown, order, "seed {seed}, question {}", question.id);
            let texts: Vec<&str> = question.choices.iter().map(|c| c.text.as_str()).collect();
            let slot_texts: Vec<&str> = slot.choices.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(texts, slot_texts);
            let file: Vec<&str> = slot.question.choices.iter().map(|c| c.id.as_str()).collect();
            if shown != file {
                reordered += 1;
            }
        }
        assert_eq!(current_view(&s).choices, view.questions[0].choices);
    }
    assert!(reordered > 0, "no seed shuffled any question's choices");
}

#[test]
fn selected_flags_follow_the_choice_not_its_place_when_shuffled() {
    let doc = quiz_json(json!({ "shuffle_choices": true }), mixed_questions());
    let quiz = load(&doc);
    for seed in 0..10 {
        let mut s = Session::new(quiz.clone(), seed);
        s.start().unwrap();
        s.answer("q2", &["d", "a"]).unwrap();
        s.next_question().unwrap();
        let q = current_view(&s);
        assert_eq!(q.id, "q2");
        for choice in &q.choices {
            assert_eq!(
                choice.selected,
                choice.id == "a" || choice.id == "d",
                "seed {seed}, {choice:?}"
            );
        }
    }
}

#[test]
fn nothing_is_selected_before_an_answer() {
    let q = current_view(&mixed());
    assert!(q.choices.iter().all(|c| !c.selected), "{q:?}");
}

#[test]
fn selected_flags_show_the_current_answer() {
    let mut s = mixed();
    s.answer("q2", &["c", "a"]).unwrap();
    s.next_question().unwrap();
    assert_eq!(selected_ids(&current_view(&s)), ["a", "c"]);
    s.answer("q2", &["b"]).unwrap();
    assert_eq!(selected_ids(&current_view(&s)), ["b"]);
    s.answer("q2", &[]).unwrap();
    assert_eq!(selected_ids(&current_view(&s)), Vec::<&str>::new());
}

#[test]
fn nothing_is_marked_before_the_reveal() {
    let mut s = mixed();
    s.answer("q1", &["b"]).unwrap();
    let q = current_view(&s);
    assert!(!q.revealed);
    assert_eq!(q.feedback, None);
    for choice in &q.choices {
        assert_eq!(choice.mark, None, "{choice:?}");
        assert_eq!(choice.mark_text, None, "{choice:?}");
    }
}

#[test]
fn a_reveal_each_quiz_offers_check_answer_until_revealed() {
    let mut s = mixed();
    assert_eq!(current_view(&s).reveal_label, Some("Check answer"));
    s.answer("q1", &["a"]).unwrap();
    assert_eq!(current_view(&s).reveal_label, Some("Check answer"));
    s.reveal("q1").unwrap();
    assert_eq!(current_view(&s).reveal_label, None);
}

#[test]
fn a_reveal_at_end_quiz_never_offers_check_answer() {
    let mut s = mixed_reveal_at_end();
    assert_eq!(current_view(&s).reveal_label, None);
    s.answer("q1", &["a"]).unwrap();
    let q = current_view(&s);
    assert_eq!(q.reveal_label, None);
    assert!(!q.revealed);
    assert_eq!(q.feedback, None);
    assert!(q.choices.iter().all(|c| c.mark.is_none()));
    for question in questions_view(&s, Layout::All).questions {
        assert_eq!(question.reveal_label, None, "{}", question.id);
    }
}

// ---------------------------------------------------------------------------------------
// One question at a time: after the reveal

#[test]
fn a_correct_single_answer_is_revealed_with_marks_feedback_and_announcement() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["a"]);
    let q = current_view(&s);
    assert!(q.revealed);
    assert_eq!(q.reveal_label, None);
    assert_eq!(marks(&q), [("a", Some(Mark::CorrectPicked)), ("b", None), ("c", None)]);
    assert_eq!(
        mark_texts(&q),
        [("a", Some("Your answer: correct")), ("b", None), ("c", None)]
    );
    let f = feedback(&q);
    assert_eq!(f.outcome, Outcome::Correct);
    assert_eq!(f.title, "Correct");
    assert_eq!(f.points_text, "1 of 1 point");
    assert_eq!(f.choice_feedback, ["Yes: his byline is at the top."]);
    assert_eq!(f.explanation, "The byline names Jason Corcoran.");
    assert_eq!(f.passage.as_deref(), Some("https://example.com/article#byline"));
    assert_eq!(f.passage_label, "Read the passage in the article");
    assert_eq!(f.announcement, "Correct. 1 of 1 point.");
}

#[test]
fn a_wrong_single_answer_marks_the_pick_wrong_and_the_missed_answer() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["b"]);
    let q = current_view(&s);
    assert_eq!(
        marks(&q),
        [
            ("a", Some(Mark::CorrectMissed)),
            ("b", Some(Mark::WrongPicked)),
            ("c", None)
        ]
    );
    assert_eq!(
        mark_texts(&q),
        [
            ("a", Some("Correct answer, not selected")),
            ("b", Some("Your answer: incorrect")),
            ("c", None)
        ]
    );
    assert_eq!(selected_ids(&q), ["b"]);
    let f = feedback(&q);
    assert_eq!(f.outcome, Outcome::Wrong);
    assert_eq!(f.title, "Incorrect");
    assert_eq!(f.points_text, "0 of 1 point");
    assert_eq!(f.choice_feedback, ["No: the article has a named author."]);
    assert_eq!(f.announcement, "Incorrect. 0 of 1 point.");
}

#[test]
fn a_picked_choice_without_feedback_adds_no_choice_feedback() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["c"]);
    let f = current_view(&s).feedback.unwrap();
    assert_eq!(f.title, "Incorrect");
    assert_eq!(f.choice_feedback, Vec::<String>::new());
    assert_eq!(f.explanation, "The byline names Jason Corcoran.");
}

#[test]
fn a_partly_correct_multiple_answer_earns_half_a_point() {
    let mut s = mixed();
    s.next_question().unwrap();
    answer_and_reveal(&mut s, "q2", &["a"]);
    let q = current_view(&s);
    assert_eq!(
        marks(&q),
        [
            ("a", Some(Mark::CorrectPicked)),
            ("b", Some(Mark::CorrectMissed)),
            ("c", None),
            ("d", None)
        ]
    );
    let f = feedback(&q);
    assert_eq!(f.outcome, Outcome::Partial);
    assert_eq!(f.title, "Partly correct");
    assert_eq!(f.points_text, "0.5 of 1 point");
    assert_eq!(f.choice_feedback, ["Right: defence is named first."]);
    assert_eq!(f.explanation, "Defence and energy are named.");
    assert_eq!(f.passage, None);
    assert_eq!(f.passage_label, "Read the passage in the article");
    assert_eq!(f.announcement, "Partly correct. 0.5 of 1 point.");
}

#[test]
fn a_multiple_answer_marks_every_correct_choice_and_every_wrong_pick() {
    let mut s = mixed();
    s.next_question().unwrap();
    answer_and_reveal(&mut s, "q2", &["c", "a"]);
    let q = current_view(&s);
    assert_eq!(
        marks(&q),
        [
            ("a", Some(Mark::CorrectPicked)),
            ("b", Some(Mark::CorrectMissed)),
            ("c", Some(Mark::WrongPicked)),
            ("d", None)
        ]
    );
    let f = feedback(&q);
    // Two errors among four choices earn nothing under `halves`.
    assert_eq!(f.outcome, Outcome::Wrong);
    assert_eq!(f.title, "Incorrect");
    assert_eq!(f.points_text, "0 of 1 point");
    assert_eq!(
        f.choice_feedback,
        ["Right: defence is named first.", "Tourism is not mentioned."]
    );
}

#[test]
fn a_fully_correct_multiple_answer_marks_only_correct_picks() {
    let mut s = mixed();
    s.next_question().unwrap();
    answer_and_reveal(&mut s, "q2", &["a", "b"]);
    let q = current_view(&s);
    assert_eq!(
        marks(&q),
        [
            ("a", Some(Mark::CorrectPicked)),
            ("b", Some(Mark::CorrectPicked)),
            ("c", None),
            ("d", None)
        ]
    );
    assert_eq!(feedback(&q).announcement, "Correct. 1 of 1 point.");
}

#[test]
fn points_of_a_question_worth_several_are_in_the_plural() {
    let mut s = mixed();
    s.next_question().unwrap();
    s.next_question().unwrap();
    answer_and_reveal(&mut s, "q3", &["a"]);
    let f = current_view(&s).feedback.unwrap();
    // Two of three decisions right: 2/3 of 3 points.
    assert_eq!(f.outcome, Outcome::Partial);
    assert_eq!(f.points_text, "2 of 3 points");
    assert_eq!(f.announcement, "Partly correct. 2 of 3 points.");
}

#[test]
fn a_penalised_wrong_answer_shows_its_negative_points() {
    let mut s = started(&quiz_json(
        json!({ "wrong_penalty": "1/2" }),
        vec![single("q1"), single("q2")],
    ));
    answer_and_reveal(&mut s, "q1", &["b"]);
    let f = current_view(&s).feedback.unwrap();
    assert_eq!(f.outcome, Outcome::Wrong);
    assert_eq!(f.points_text, "-0.5 of 1 point");
    assert_eq!(f.announcement, "Incorrect. -0.5 of 1 point.");
}

#[test]
fn each_revealed_question_shows_the_outcome_and_points_the_whole_attempt_scores_it() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["b"]);
    answer_and_reveal(&mut s, "q2", &["a", "c"]);
    answer_and_reveal(&mut s, "q3", &["a"]);
    let result = s.result();
    let shown = questions_view(&s, Layout::All).questions;
    assert_eq!(shown.len(), result.questions.len());
    for (view, scored) in shown.iter().zip(&result.questions) {
        let f = feedback(view);
        assert_eq!((view.id.as_str(), f.outcome), (scored.id.as_str(), scored.outcome));
        let shown_points = f.points_text.split(" of ").next();
        assert_eq!(shown_points, Some(scored.points_text.as_str()), "{}", view.id);
    }
}

#[test]
fn a_revealed_question_stays_revealed_when_the_reader_comes_back() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["a"]);
    let before = current_view(&s);
    s.next_question().unwrap();
    assert!(!current_view(&s).revealed);
    s.previous_question().unwrap();
    assert_eq!(current_view(&s), before);
}

// ---------------------------------------------------------------------------------------
// The whole page

#[test]
fn the_whole_page_shows_every_question_of_the_attempt_numbered() {
    let s = mixed();
    let view = questions_view(&s, Layout::All);
    assert_eq!(ids(&view.questions), ["q1", "q2", "q3"]);
    let numbers: Vec<(usize, &str)> = view
        .questions
        .iter()
        .map(|q| (q.number, q.number_text.as_str()))
        .collect();
    assert_eq!(numbers, [(1, "Question 1"), (2, "Question 2"), (3, "Question 3")]);
    let hints: Vec<Option<&str>> = view.questions.iter().map(|q| q.hint).collect();
    assert_eq!(
        hints,
        [
            Some("Select one answer."),
            Some("Select all that apply."),
            Some("Select all that apply.")
        ]
    );
}

#[test]
fn the_whole_page_shows_the_questions_of_a_draw_in_attempt_order() {
    let pool = singles(6);
    let s = started(&quiz_json(json!({ "draw": 4, "shuffle_questions": true }), pool));
    let view = questions_view(&s, Layout::All);
    let order: Vec<String> = (0..s.len()).map(|i| s.slot(i).unwrap().question.id.clone()).collect();
    assert_eq!(ids(&view.questions), order);
    assert_eq!(view.progress_max, 4);
    assert_eq!(view.progress_text, "0 of 4 answered");
    let numbers: Vec<usize> = view.questions.iter().map(|q| q.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
}

#[test]
fn the_whole_page_progress_counts_answered_questions() {
    let mut s = mixed();
    let view = questions_view(&s, Layout::All);
    assert_eq!(view.progress_text, "0 of 3 answered");
    assert_eq!((view.progress_value, view.progress_max), (0, 3));
    s.answer("q1", &["a"]).unwrap();
    s.answer("q3", &["c"]).unwrap();
    let view = questions_view(&s, Layout::All);
    assert_eq!(view.progress_text, "2 of 3 answered");
    assert_eq!((view.progress_value, view.progress_max), (2, 3));
    s.answer("q1", &[]).unwrap();
    let view = questions_view(&s, Layout::All);
    assert_eq!(view.progress_text, "1 of 3 answered");
    assert_eq!(view.progress_value, 1);
}

#[test]
fn the_whole_page_counts_a_wrong_answer_as_answered() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["b"]);
    s.answer("q2", &["a", "b"]).unwrap();
    s.answer("q3", &["a", "b"]).unwrap();
    let view = questions_view(&s, Layout::All);
    assert_eq!(view.progress_text, "3 of 3 answered");
    assert_eq!(view.progress_value, 3);
}

#[test]
fn the_whole_page_has_no_back_or_next_and_always_a_finish() {
    let mut s = mixed();
    for position in 0..3 {
        let view = questions_view(&s, Layout::All);
        assert_eq!(view.back_label, None, "position {position}");
        assert_eq!(view.next_label, None, "position {position}");
        assert_eq!(view.finish_label, Some("See my result"), "position {position}");
        assert_eq!(ids(&view.questions), ["q1", "q2", "q3"], "position {position}");
        if position < 2 {
            s.next_question().unwrap();
        }
    }
}

#[test]
fn the_whole_page_shows_each_question_as_one_at_a_time_would() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["b"]);
    s.answer("q2", &["a"]).unwrap();
    let all = questions_view(&s, Layout::All).questions;
    for (position, question) in all.iter().enumerate() {
        assert_eq!(current_view(&s), *question, "position {position}");
        if position < 2 {
            s.next_question().unwrap();
        }
    }
}

#[test]
fn the_whole_page_shows_revealed_and_unrevealed_questions_side_by_side() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["a"]);
    s.answer("q2", &["a"]).unwrap();
    let view = questions_view(&s, Layout::All);
    let states: Vec<(bool, Option<&str>, bool)> = view
        .questions
        .iter()
        .map(|q| (q.revealed, q.reveal_label, q.feedback.is_some()))
        .collect();
    assert_eq!(
        states,
        [
            (true, None, true),
            (false, Some("Check answer"), false),
            (false, Some("Check answer"), false)
        ]
    );
    assert_eq!(selected_ids(&view.questions[1]), ["a"]);
    assert!(view.questions[1].choices.iter().all(|c| c.mark.is_none()));
}

// ---------------------------------------------------------------------------------------
// Result

/// A finished session on two single-answer questions with a pass mark of `pass_mark`,
/// `right` of them answered correctly and the rest wrongly.
fn finished_pair(pass_mark: u8, right: usize) -> Session {
    let mut s = started(&quiz_json(
        json!({ "pass_mark": pass_mark }),
        vec![single("q1"), single("q2")],
    ));
    for (i, id) in ["q1", "q2"].into_iter().enumerate() {
        s.answer(id, &[if i < right { "a" } else { "b" }]).unwrap();
    }
    s.finish().unwrap();
    s
}

#[test]
fn the_result_below_the_pass_mark_gives_the_score_the_pass_mark_and_the_band() {
    let result = result_view(&finished_pair(60, 1));
    assert_eq!(result.heading, "Your result");
    assert_eq!(result.score_text, "You scored 1 out of 2 (50 %)");
    assert_eq!(result.percentage, 50);
    assert!(!result.passed);
    assert_eq!(result.pass_text, "The pass mark is 60 %");
    assert_eq!(result.band_title.as_deref(), Some("Keep reading"));
    assert_eq!(
        result.band_message.as_deref(),
        Some("Have another look at the article.")
    );
    assert_eq!(result.review_heading, "Review your answers");
    assert_eq!(result.retry_label, "Try again");
    assert_eq!(
        result.announcement,
        "You scored 1 out of 2 (50 %). The pass mark is 60 %."
    );
}

#[test]
fn the_result_at_or_above_the_pass_mark_says_you_passed() {
    let result = result_view(&finished_pair(60, 2));
    assert_eq!(result.score_text, "You scored 2 out of 2 (100 %)");
    assert_eq!(result.percentage, 100);
    assert!(result.passed);
    assert_eq!(result.pass_text, "You passed");
    assert_eq!(result.band_title.as_deref(), Some("Well read"));
    assert_eq!(result.band_message.as_deref(), Some("You know the story."));
    assert_eq!(result.announcement, "You scored 2 out of 2 (100 %). You passed.");
}

#[test]
fn reaching_the_pass_mark_exactly_passes() {
    let result = result_view(&finished_pair(50, 1));
    assert_eq!(result.score_text, "You scored 1 out of 2 (50 %)");
    assert!(result.passed);
    assert_eq!(result.pass_text, "You passed");
    assert_eq!(result.announcement, "You scored 1 out of 2 (50 %). You passed.");
}

#[test]
fn the_result_of_no_points_gives_zero() {
    let result = result_view(&finished_pair(60, 0));
    assert_eq!(result.score_text, "You scored 0 out of 2 (0 %)");
    assert_eq!(result.pass_text, "The pass mark is 60 %");
    assert_eq!(result.band_title.as_deref(), Some("Keep reading"));
}

#[test]
fn the_score_text_gives_fractional_points_as_decimals() {
    let mut s = mixed();
    s.answer("q1", &["b"]).unwrap();
    s.answer("q2", &["a"]).unwrap();
    s.answer("q3", &["a"]).unwrap();
    s.finish().unwrap();
    let result = result_view(&s);
    // 0 + 1/2 + 2 = 2.5 of 5 points.
    assert_eq!(result.score_text, "You scored 2.5 out of 5 (50 %)");
    assert_eq!(result.percentage, 50);
    assert!(result.passed);
    assert_eq!(result.pass_text, "You passed");
}

#[test]
fn a_quiz_without_bands_has_no_band_title_or_message() {
    let mut doc = quiz_json(json!({}), vec![single("q1")]);
    doc.as_object_mut().unwrap().remove("bands");
    let mut s = started(&doc);
    s.answer("q1", &["a"]).unwrap();
    s.finish().unwrap();
    let result = result_view(&s);
    assert_eq!(result.band_title, None);
    assert_eq!(result.band_message, None);
    assert_eq!(result.score_text, "You scored 1 out of 1 (100 %)");
}

#[test]
fn the_result_is_the_same_in_both_layouts() {
    let s = finished_pair(60, 1);
    assert_eq!(s.screen(Layout::One), s.screen(Layout::All));
}

#[test]
fn the_review_reveals_every_question_of_a_reveal_at_end_quiz_with_marks() {
    let mut s = mixed_reveal_at_end();
    s.answer("q1", &["b"]).unwrap();
    s.answer("q2", &["a"]).unwrap();
    s.finish().unwrap();
    let result = result_view(&s);
    assert_eq!(ids(&result.review), ["q1", "q2", "q3"]);
    let numbers: Vec<&str> = result.review.iter().map(|q| q.number_text.as_str()).collect();
    assert_eq!(numbers, ["Question 1", "Question 2", "Question 3"]);
    for q in &result.review {
        assert!(q.revealed, "{}", q.id);
        assert_eq!(q.reveal_label, None, "{}", q.id);
        assert!(q.feedback.is_some(), "{}", q.id);
    }
    let [q1, q2, q3] = &result.review[..] else {
        panic!("three questions expected");
    };
    assert_eq!(
        marks(q1),
        [
            ("a", Some(Mark::CorrectMissed)),
            ("b", Some(Mark::WrongPicked)),
            ("c", None)
        ]
    );
    assert_eq!(feedback(q1).announcement, "Incorrect. 0 of 1 point.");
    assert_eq!(feedback(q1).choice_feedback, ["No: the article has a named author."]);
    assert_eq!(
        marks(q2),
        [
            ("a", Some(Mark::CorrectPicked)),
            ("b", Some(Mark::CorrectMissed)),
            ("c", None),
            ("d", None)
        ]
    );
    assert_eq!(feedback(q2).announcement, "Partly correct. 0.5 of 1 point.");
    assert_eq!(selected_ids(q2), ["a"]);
    assert_eq!(
        marks(q3),
        [
            ("a", Some(Mark::CorrectMissed)),
            ("b", Some(Mark::CorrectMissed)),
            ("c", None)
        ]
    );
    assert_eq!(selected_ids(q3), Vec::<&str>::new());
    let f3 = feedback(q3);
    assert_eq!(f3.outcome, Outcome::Unanswered);
    assert_eq!(f3.title, "Not answered");
    assert_eq!(f3.points_text, "0 of 3 points");
    assert_eq!(f3.choice_feedback, Vec::<String>::new());
    assert_eq!(f3.explanation, "Growth and inflation are given.");
    assert_eq!(f3.announcement, "Not answered. 0 of 3 points.");
    assert_eq!(result.score_text, "You scored 0.5 out of 5 (10 %)");
}

#[test]
fn the_review_of_a_reveal_each_quiz_shows_checked_and_unchecked_questions_alike() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["a"]);
    s.answer("q2", &["a", "b"]).unwrap();
    let revealed_q1 = current_view(&s);
    s.finish().unwrap();
    let result = result_view(&s);
    assert_eq!(result.review[0], revealed_q1);
    let q2 = &result.review[1];
    assert!(q2.revealed);
    assert_eq!(q2.reveal_label, None);
    assert_eq!(feedback(q2).announcement, "Correct. 1 of 1 point.");
    assert_eq!(
        mark_texts(q2),
        [
            ("a", Some("Your answer: correct")),
            ("b", Some("Your answer: correct")),
            ("c", None),
            ("d", None)
        ]
    );
}

#[test]
fn retrying_goes_back_to_the_first_question_with_nothing_selected() {
    let mut s = finished_pair(60, 1);
    s.retry().unwrap();
    let view = questions_view(&s, Layout::One);
    assert_eq!(view.progress_text, "Question 1 of 2");
    assert_eq!(view.back_label, None);
    let q = &view.questions[0];
    assert!(!q.revealed);
    assert!(q.choices.iter().all(|c| !c.selected && c.mark.is_none()));
    assert_eq!(q.reveal_label, Some("Check answer"));
}

// ---------------------------------------------------------------------------------------
// Focus and the live region, after each step

#[test]
fn starting_moving_and_retrying_focus_the_question_reached_or_in_the_whole_page_the_first() {
    let mut s = new_session(&quiz_json(json!({}), mixed_questions()));
    s.start().unwrap();
    let legend = |id: &str| Focus::Legend(id.into());
    assert_eq!(Focus::after(&Action::Start, &s, Layout::One), legend("q1"));
    s.next_question().unwrap();
    assert_eq!(Focus::after(&Action::Next, &s, Layout::One), legend("q2"));
    assert_eq!(Focus::after(&Action::Next, &s, Layout::All), legend("q1"));
    s.previous_question().unwrap();
    assert_eq!(Focus::after(&Action::Back, &s, Layout::One), legend("q1"));
    s.next_question().unwrap();
    s.finish().unwrap();
    s.retry().unwrap();
    assert_eq!(Focus::after(&Action::Retry, &s, Layout::One), legend("q1"));
}

#[test]
fn checking_focuses_the_feedback_finishing_the_heading_and_answering_leaves_focus_on_the_choice() {
    let mut s = mixed();
    s.answer("q1", &["a"]).unwrap();
    let answer = Action::Answer {
        question: "q1".into(),
        choices: vec!["a".into()],
    };
    assert_eq!(Focus::after(&answer, &s, Layout::One), Focus::Stay);
    s.reveal("q1").unwrap();
    let reveal = Action::Reveal { question: "q1".into() };
    assert_eq!(Focus::after(&reveal, &s, Layout::One), Focus::Feedback("q1".into()));
    s.finish().unwrap();
    assert_eq!(Focus::after(&Action::Finish, &s, Layout::One), Focus::Heading);
}

#[test]
fn progress_from_another_tab_moves_focus_only_where_it_was_in_the_quiz() {
    let mut s = new_session(&quiz_json(json!({}), mixed_questions()));
    assert_eq!(Focus::following(&s, Layout::One, true), Focus::Heading);
    s.start().unwrap();
    s.next_question().unwrap();
    assert_eq!(Focus::following(&s, Layout::One, false), Focus::Stay);
    assert_eq!(Focus::following(&s, Layout::One, true), Focus::Legend("q2".into()));
    assert_eq!(Focus::following(&s, Layout::All, true), Focus::Legend("q1".into()));
    s.finish().unwrap();
    assert_eq!(Focus::following(&s, Layout::One, true), Focus::Heading);
}

#[test]
fn the_live_region_says_how_a_checked_question_went_once_focus_reaches_its_feedback() {
    let mut s = mixed();
    answer_and_reveal(&mut s, "q1", &["b"]);
    let screen = s.screen(Layout::One);
    let said = feedback(&current_view(&s)).announcement.clone();
    assert_eq!(said, "Incorrect. 0 of 1 point.");
    let texts = Texts::for_language("en");
    assert_eq!(
        screen.announcement(&Focus::Feedback("q1".into()), false, texts),
        Some(said.as_str())
    );
    // Redrawn with focus elsewhere, as when the reader picks again, it says nothing.
    assert_eq!(screen.announcement(&Focus::Stay, false, texts), None);
}

#[test]
fn the_live_region_gives_the_score_once_focus_reaches_the_results_heading() {
    let s = finished_pair(50, 1);
    let screen = s.screen(Layout::One);
    let texts = Texts::for_language("en");
    assert_eq!(
        screen.announcement(&Focus::Heading, false, texts),
        Some(result_view(&s).announcement.as_str())
    );
    // Another tab's finishing, followed with focus outside the quiz, is not read out.
    assert_eq!(screen.announcement(&Focus::Stay, false, texts), None);
}

#[test]
fn the_live_region_asks_for_an_answer_to_a_question_checked_with_none_and_is_otherwise_empty() {
    let s = mixed();
    let screen = s.screen(Layout::One);
    let texts = Texts::for_language("en");
    let legend = Focus::Legend("q1".into());
    assert_eq!(
        screen.announcement(&legend, true, texts),
        Some("Select an answer before checking it.")
    );
    assert_eq!(screen.announcement(&legend, false, texts), None);
    assert_eq!(
        screen.announcement(&legend, true, Texts::for_language("ru")),
        Some(Texts::for_language("ru").select_first)
    );
}

// ---------------------------------------------------------------------------------------
// Serialized form: the contract with the JavaScript API

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
    names.iter().copied().collect()
}

const QUESTION_KEYS: [&str; 10] = [
    "id",
    "number",
    "numberText",
    "prompt",
    "kind",
    "hint",
    "choices",
    "revealed",
    "revealLabel",
    "feedback",
];
const CHOICE_KEYS: [&str; 5] = ["id", "text", "selected", "mark", "markText"];
const FEEDBACK_KEYS: [&str; 8] = [
    "outcome",
    "title",
    "pointsText",
    "choiceFeedback",
    "explanation",
    "passage",
    "passageLabel",
    "announcement",
];

#[test]
fn the_intro_serializes_tagged_intro_with_camel_case_fields() {
    let s = new_session(&quiz_json(json!({}), mixed_questions()));
    let value = serde_json::to_value(s.screen(Layout::One)).unwrap();
    assert_eq!(value["screen"], "intro");
    assert_eq!(
        keys(&value),
        set(&[
            "screen",
            "title",
            "intro",
            "sourceLabel",
            "headline",
            "url",
            "byline",
            "countText",
            "corrections",
            "startLabel"
        ])
    );
    assert_eq!(value["sourceLabel"], "Based on");
    assert_eq!(value["countText"], "3 questions");
    assert_eq!(value["startLabel"], "Start the quiz");
    assert_eq!(value["corrections"], json!([]));
}

#[test]
fn absent_intro_text_serializes_as_null() {
    let mut doc = quiz_json(json!({}), mixed_questions());
    doc.as_object_mut().unwrap().remove("intro");
    let value = serde_json::to_value(new_session(&doc).screen(Layout::One)).unwrap();
    assert_eq!(value["intro"], Value::Null);
}

#[test]
fn the_questions_screen_serializes_tagged_questions_with_camel_case_fields() {
    let s = mixed();
    let value = serde_json::to_value(s.screen(Layout::One)).unwrap();
    assert_eq!(value["screen"], "questions");
    assert_eq!(
        keys(&value),
        set(&[
            "screen",
            "progressText",
            "progressValue",
            "progressMax",
            "questions",
            "backLabel",
            "nextLabel",
            "finishLabel"
        ])
    );
    assert_eq!(value["progressText"], "Question 1 of 3");
    assert_eq!(value["progressValue"], 1);
    assert_eq!(value["progressMax"], 3);
    assert_eq!(value["backLabel"], Value::Null);
    assert_eq!(value["nextLabel"], "Next question");
    assert_eq!(value["finishLabel"], Value::Null);
    let question = &value["questions"][0];
    assert_eq!(keys(question), set(&QUESTION_KEYS));
    assert_eq!(question["kind"], "single");
    assert_eq!(question["numberText"], "Question 1");
    assert_eq!(question["revealLabel"], "Check answer");
    assert_eq!(question["revealed"], false);
    assert_eq!(question["feedback"], Value::Null);
    let choice = &question["choices"][0];
    assert_eq!(keys(choice), set(&CHOICE_KEYS));
    assert_eq!(choice["selected"], false);
    assert_eq!(choice["mark"], Value::Null);
    assert_eq!(choice["markText"], Value::Null);
}

#[test]
fn a_revealed_question_serializes_its_marks_and_outcome_in_snake_case() {
    let mut s = mixed();
    s.next_question().unwrap();
    answer_and_reveal(&mut s, "q2", &["a", "c"]);
    let value = serde_json::to_value(s.screen(Layout::One)).unwrap();
    let question = &value["questions"][0];
    assert_eq!(question["kind"], "multiple");
    assert_eq!(question["revealed"], true);
    assert_eq!(question["revealLabel"], Value::Null);
    let marks: Vec<&Value> = question["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["mark"])
        .collect();
    assert_eq!(
        marks,
        [
            &json!("correct_picked"),
            &json!("correct_missed"),
            &json!("wrong_picked"),
            &Value::Null
        ]
    );
    assert_eq!(question["choices"][0]["markText"], "Your answer: correct");
    let feedback = &question["feedback"];
    assert_eq!(keys(feedback), set(&FEEDBACK_KEYS));
    assert_eq!(feedback["outcome"], "wrong");
    assert_eq!(feedback["pointsText"], "0 of 1 point");
    assert_eq!(feedback["passage"], Value::Null);
    assert_eq!(
        feedback["choiceFeedback"],
        json!(["Right: defence is named first.", "Tourism is not mentioned."])
    );

    answer_and_reveal(&mut s, "q3", &["a"]);
    s.next_question().unwrap();
    let value = serde_json::to_value(s.screen(Layout::One)).unwrap();
    assert_eq!(value["questions"][0]["feedback"]["outcome"], "partial");
}

#[test]
fn the_whole_page_serializes_every_question() {
    let mut s = mixed();
    s.answer("q3", &["a"]).unwrap();
    let value = serde_json::to_value(s.screen(Layout::All)).unwrap();
    assert_eq!(value["screen"], "questions");
    assert_eq!(value["progressText"], "1 of 3 answered");
    assert_eq!(value["questions"].as_array().unwrap().len(), 3);
    assert_eq!(value["questions"][1]["numberText"], "Question 2");
    assert_eq!(value["backLabel"], Value::Null);
    assert_eq!(value["nextLabel"], Value::Null);
    assert_eq!(value["finishLabel"], "See my result");
}

#[test]
fn the_result_serializes_tagged_result_with_camel_case_fields() {
    let mut s = mixed_reveal_at_end();
    s.answer("q1", &["a"]).unwrap();
    s.finish().unwrap();
    let value = serde_json::to_value(s.screen(Layout::One)).unwrap();
    assert_eq!(value["screen"], "result");
    assert_eq!(
        keys(&value),
        set(&[
            "screen",
            "heading",
            "scoreText",
            "percentage",
            "passed",
            "passText",
            "bandTitle",
            "bandMessage",
            "reviewHeading",
            "review",
            "retryLabel",
            "shareLabel",
            "copyLabel",
            "shareText",
            "announcement"
        ])
    );
    assert_eq!(value["scoreText"], "You scored 1 out of 5 (20 %)");
    assert_eq!(value["percentage"], 20);
    assert_eq!(value["passed"], false);
    assert_eq!(value["passText"], "The pass mark is 50 %");
    assert_eq!(value["bandTitle"], "Keep reading");
    assert_eq!(value["retryLabel"], "Try again");
    let review = value["review"].as_array().unwrap();
    assert_eq!(review.len(), 3);
    for question in review {
        assert_eq!(keys(question), set(&QUESTION_KEYS));
        assert_eq!(question["revealed"], true);
        assert_eq!(keys(&question["feedback"]), set(&FEEDBACK_KEYS));
        for choice in question["choices"].as_array().unwrap() {
            assert_eq!(keys(choice), set(&CHOICE_KEYS));
        }
    }
    assert_eq!(review[2]["feedback"]["outcome"], "unanswered");
}

#[test]
fn a_result_without_bands_serializes_null_band_fields() {
    let mut doc = quiz_json(json!({}), vec![single("q1")]);
    doc.as_object_mut().unwrap().remove("bands");
    let mut s = started(&doc);
    s.finish().unwrap();
    let value = serde_json::to_value(s.screen(Layout::One)).unwrap();
    assert_eq!(value.get("bandTitle"), Some(&Value::Null));
    assert_eq!(value.get("bandMessage"), Some(&Value::Null));
}

#[test]
fn choice_views_are_plain_data() {
    // The view types are public values a renderer can build and compare.
    let choice = ChoiceView {
        id: "a".into(),
        text: "Choice a".into(),
        selected: true,
        mark: Some(Mark::CorrectPicked),
        mark_text: Some("Your answer: correct"),
    };
    assert_eq!(
        serde_json::to_value(&choice).unwrap(),
        json!({
            "id": "a",
            "text": "Choice a",
            "selected": true,
            "mark": "correct_picked",
            "markText": "Your answer: correct"
        })
    );
}

// ---------------------------------------------------------------------------------------
// Printing, sharing and other languages

#[test]
fn the_answer_key_shows_every_question_of_the_attempt_revealed_even_mid_quiz() {
    let s = mixed();
    let key = s.answer_key("en");
    assert_eq!(key.heading, "Questions and answers");
    assert_eq!(ids(&key.questions), ["q1", "q2", "q3"]);
    for question in &key.questions {
        assert!(question.revealed && question.reveal_label.is_none(), "{}", question.id);
        assert!(
            question.choices.iter().any(|c| c.mark == Some(Mark::CorrectMissed)),
            "{}",
            question.id
        );
        assert_eq!(feedback(question).title, "Not answered");
    }
    assert!(
        !current_view(&s).revealed,
        "printing reveals nothing in the session itself"
    );
}

#[test]
fn the_result_offers_a_share_text_with_the_score_and_the_quiz_title() {
    let mut s = started(&quiz_json(json!({}), singles(2)));
    s.answer("q1", &["a"]).unwrap();
    s.finish().unwrap();
    let view = result_view(&s);
    assert_eq!(view.share_label, "Share my result");
    assert_eq!(view.copy_label, "Copy a link to my result");
    assert_eq!(
        view.share_text,
        "I scored 1 out of 2 (50 %) in the quiz “How well did you read it?”."
    );
}

#[test]
fn the_interface_speaks_the_language_asked_for_with_its_plurals_and_decimal_comma() {
    let mut s = mixed();
    let Screen::Questions(view) = s.screen_in(Layout::One, "ru") else {
        panic!("not answering")
    };
    assert_eq!(view.progress_text, "Вопрос 1 из 3");
    assert_eq!(view.next_label, Some("Следующий вопрос"));
    assert_eq!(view.questions[0].hint, Some("Выберите один ответ."));
    // q2 under `halves` with one of its two correct choices missed: half a point.
    s.answer("q2", &["a"]).unwrap();
    s.reveal("q2").unwrap();
    s.next_question().unwrap();
    let Screen::Questions(view) = s.screen_in(Layout::One, "ru") else {
        panic!("not answering")
    };
    let feedback = view.questions[0].feedback.as_ref().unwrap();
    assert_eq!(feedback.title, "Частично верно");
    assert_eq!(feedback.points_text, "Баллы: 0,5 из 1");
    let Screen::Intro(intro) = new_session(&quiz_json(json!({}), singles(5))).screen_in(Layout::One, "ru") else {
        panic!("not the intro")
    };
    assert_eq!(intro.count_text, "5 вопросов");
    assert_eq!(intro.start_label, "Начать тест");
    let Screen::Intro(intro) = new_session(&quiz_json(json!({}), singles(2))).screen_in(Layout::One, "hy") else {
        panic!("not the intro")
    };
    assert_eq!(intro.count_text, "2 հարց");
}

#[test]
fn announcements_end_their_sentences_with_the_language_s_own_full_stop() {
    let mut s = mixed();
    s.answer("q1", &["a"]).unwrap();
    s.reveal("q1").unwrap();
    let feedback_in = |language| {
        let Screen::Questions(view) = s.screen_in(Layout::One, language) else {
            panic!("not answering")
        };
        view.questions[0].feedback.as_ref().unwrap().announcement.clone()
    };
    assert_eq!(feedback_in("hy"), "Ճիշտ է։ Միավոր՝ 1՝ 1-ից։");
    assert_eq!(feedback_in("ru"), "Верно. Баллы: 1 из 1.");
}

/// The screens score each question and the attempt without copying ids and texts into a whole
/// `QuizResult`; what they show must still be what `Session::result` says, answer for answer.
#[test]
fn the_result_screen_says_what_the_session_result_says() {
    let answer_sets: [&[(&str, &[&str])]; 4] = [
        &[],
        &[("q1", &["a"]), ("q2", &["a", "b"]), ("q3", &["a", "b"])],
        &[("q1", &["b"]), ("q2", &["a", "c"]), ("q3", &["c"])],
        &[("q2", &["d"]), ("q3", &["a"])],
    ];
    for answers in answer_sets {
        let mut s = mixed();
        for (id, choices) in answers {
            s.answer(id, choices).unwrap();
        }
        s.finish().unwrap();
        let result = s.result();
        let view = result_view(&s);
        assert_eq!(view.percentage, result.percentage, "{answers:?}");
        assert_eq!(view.passed, result.passed, "{answers:?}");
        let score_text = format!(
            "You scored {} out of {} ({} %)",
            result.points_text, result.max, result.percentage
        );
        assert_eq!(view.score_text, score_text, "{answers:?}");
        assert_eq!(
            view.band_title,
            result.band.as_ref().map(|b| b.title.clone()),
            "{answers:?}"
        );
        assert_eq!(view.band_message, result.band.map(|b| b.message), "{answers:?}");
        for (shown, scored) in view.review.iter().zip(&result.questions) {
            let f = feedback(shown);
            assert_eq!(f.outcome, scored.outcome, "{answers:?}: {}", scored.id);
            assert!(f
                .points_text
                .starts_with(&format!("{} of {}", scored.points_text, scored.max)));
            let texts: Vec<&str> = scored.feedback.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(f.choice_feedback, texts, "{answers:?}: {}", scored.id);
            assert_eq!(f.explanation, scored.explanation);
            assert_eq!(f.passage, scored.passage);
        }
    }
}
