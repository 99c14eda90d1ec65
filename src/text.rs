//! Every string the quiz shows a reader, in one table per language: English, Armenian, Russian.

use crate::scoring::Outcome;
use crate::strings::push_digits;
use crate::view::Mark;
use Arg::{Number, Text};

/// A CLDR plural category, the form a counted noun takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// "1 question", "21 вопрос".
    One,
    /// "2 вопроса".
    Few,
    /// "5 вопросов".
    Many,
    /// Everything else ("10 questions").
    Other,
}

/// The reader-facing strings of one language.
#[derive(Debug)]
pub struct Texts {
    /// The language's BCP 47 tag.
    pub tag: &'static str,
    /// The direction the language is written in, as HTML's `dir` names it: `ltr` (a table for
    /// a right-to-left language says `rtl`, and the layout, in logical CSS, mirrors).
    pub dir: &'static str,
    /// The decimal separator (`.` or `,`).
    pub(crate) decimal: char,
    /// The mark that ends a sentence (`.`, or Armenian's `։`).
    pub stop: &'static str,
    /// The plural category of a whole number in this language.
    pub plural: fn(u64) -> Plural,
    /// Label before the article link on the intro screen.
    pub based_on: &'static str,
    /// Start button.
    pub start: &'static str,
    /// Back button.
    pub back: &'static str,
    /// Next button.
    pub next: &'static str,
    /// Finish button.
    pub finish: &'static str,
    /// Check-answer button.
    pub check: &'static str,
    /// Shown when the reader checks a question without answering it.
    pub select_first: &'static str,
    /// Hint under a single-answer question.
    pub hint_single: &'static str,
    /// Hint under a multiple-answer question.
    pub hint_multiple: &'static str,
    /// Link to the article's passage.
    pub passage: &'static str,
    /// Heading of the result screen.
    pub result_heading: &'static str,
    /// Heading of the answer review.
    pub review: &'static str,
    /// Heading of the printed answer key.
    pub answer_key: &'static str,
    /// Retry button.
    pub retry: &'static str,
    /// Share button (Web Share API).
    pub share: &'static str,
    /// Copy-link button, where the browser cannot share.
    pub copy_link: &'static str,
    /// Said once the link is copied.
    pub copied: &'static str,
    /// Said when sharing or copying the link fails, before the link itself.
    pub share_failed: &'static str,
    /// Said when the pass mark is reached.
    pub passed: &'static str,
    /// Heading of the error shown in place of a quiz that cannot load.
    pub load_error: &'static str,
    /// Marks on revealed choices: picked and correct, correct but missed, picked and wrong (in
    /// the order of [`Mark`]'s variants, which index it).
    pub(crate) marks: [&'static str; 3],
    /// Outcome titles: correct, partial, wrong, unanswered (in the order of [`Outcome`]'s
    /// variants, which index it).
    pub(crate) outcomes: [&'static str; 4],
    /// Forms of "question" for "10 questions": one, few, many, other (in the order of
    /// [`Plural`]'s variants, which index it).
    pub(crate) questions: [&'static str; 4],
    /// Forms of "point" for "of 10 points": one, few, many, other (unused where a language's
    /// `points_of` names no `{2}`).
    pub(crate) points: [&'static str; 4],
    // The templates below are filled by the methods of the same names: `{0}`, `{1}`, … stand
    // for their arguments, so that each language orders its own words.
    /// "Question {0} of {1}": position, total.
    pub(crate) progress: &'static str,
    /// "{0} of {1} answered": answered, total.
    pub(crate) answered: &'static str,
    /// "Question {0}": position.
    pub(crate) question_number: &'static str,
    /// "{0} of {1} {2}": points, max, the form of "point" for max.
    pub(crate) points_of: &'static str,
    /// "You scored {0} out of {1} ({2} %)": points, max, percentage.
    pub(crate) score: &'static str,
    /// "The pass mark is {0} %": the mark.
    pub(crate) pass_mark: &'static str,
    /// What a shared result says: points, max, percentage, quiz title.
    pub(crate) share_text: &'static str,
}

impl Texts {
    /// The strings for a BCP 47 language tag (`hy`, `ru-RU`, …); English for any language without a table.
    pub fn for_language(tag: &str) -> &'static Texts {
        [&ARMENIAN, &RUSSIAN]
            .into_iter()
            .find(|texts| texts.speaks(tag))
            .unwrap_or(&ENGLISH)
    }

    /// Whether a BCP 47 `tag` names this language, whatever its region or script (`hy-AM`),
    /// in any case. Compared byte by byte: cutting the tag at its first `-` or `_` as a `&str`
    /// would check for a character boundary there.
    fn speaks(&self, tag: &str) -> bool {
        let (tag, own) = (tag.as_bytes(), self.tag.as_bytes());
        tag.get(..own.len())
            .is_some_and(|primary| primary.eq_ignore_ascii_case(own))
            && matches!(tag.get(own.len()), None | Some(b'-' | b'_'))
    }

    /// The tag of a text in `language`, to mark it with where this interface speaks another
    /// language; `None` where it speaks that one.
    pub fn foreign<'a>(&self, language: &'a str) -> Option<&'a str> {
        (!self.speaks(language)).then_some(language)
    }

    /// The words for a choice's mark.
    pub fn mark(&self, mark: Mark) -> &'static str {
        self.marks[mark as usize]
    }

    /// The title of an outcome.
    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        self.outcomes[outcome as usize]
    }

    /// The form of a counted noun, from its one, few, many and other forms, that goes with `n`.
    fn form(&self, forms: &[&'static str; 4], n: u64) -> &'static str {
        forms[(self.plural)(n) as usize]
    }

    /// "10 questions", with the noun in the right plural form.
    pub fn question_count(&self, n: usize) -> String {
        fill(
            "{0} {1}",
            &[Number(n as u64), Text(self.form(&self.questions, n as u64))],
        )
    }

    /// "Question 3 of 10".
    pub fn progress(&self, position: usize, total: usize) -> String {
        fill(self.progress, &[Number(position as u64), Number(total as u64)])
    }

    /// "4 of 10 answered".
    pub fn answered(&self, answered: usize, total: usize) -> String {
        fill(self.answered, &[Number(answered as u64), Number(total as u64)])
    }

    /// "Question 3".
    pub fn question_number(&self, position: usize) -> String {
        fill(self.question_number, &[Number(position as u64)])
    }

    /// "0.5 of 1 point", given the points already formatted.
    pub fn points_of(&self, points: &str, max: u32) -> String {
        let noun = self.form(&self.points, u64::from(max));
        fill(self.points_of, &[Text(points), Number(max.into()), Text(noun)])
    }

    /// "You scored 7 out of 10 (70 %)", given the points already formatted.
    pub fn score(&self, points: &str, max: u64, percentage: u8) -> String {
        fill(self.score, &[Text(points), Number(max), Number(percentage.into())])
    }

    /// "The pass mark is 60 %".
    pub fn pass_mark(&self, mark: u8) -> String {
        fill(self.pass_mark, &[Number(mark.into())])
    }

    /// What a shared result says, given the points already formatted.
    pub fn share_text(&self, points: &str, max: u64, percentage: u8, title: &str) -> String {
        fill(
            self.share_text,
            &[Text(points), Number(max), Number(percentage.into()), Text(title)],
        )
    }

    /// A decimal from the core (`"0.5"`) with this language's separator (`"0,5"`).
    pub fn decimal(&self, text: &str) -> String {
        text.chars().map(|c| if c == '.' { self.decimal } else { c }).collect()
    }
}

/// What a template's `{i}` stands for: a text, or a whole number, written in decimal straight
/// into the filled text (rather than first into a `String` of its own at every call).
enum Arg<'a> {
    Text(&'a str),
    Number(u64),
}

/// `template` with each `{i}` replaced by `args[i]` (0 to 9); any other `{` stays as it is.
fn fill(template: &str, args: &[Arg<'_>]) -> String {
    let mut text = String::new();
    let mut rest = template;
    while let Some(open) = rest.bytes().position(|b| b == b'{') {
        text.push_str(&rest[..open]);
        rest = &rest[open..];
        let arg = match rest.as_bytes() {
            [b'{', digit @ b'0'..=b'9', b'}', ..] => args.get(usize::from(digit - b'0')),
            _ => None,
        };
        match arg {
            Some(arg) => {
                match *arg {
                    Text(arg) => text.push_str(arg),
                    Number(n) => push_digits(&mut text, n, 1),
                }
                rest = &rest[3..];
            }
            None => {
                text.push('{');
                rest = &rest[1..];
            }
        }
    }
    text.push_str(rest);
    text
}

fn plural_english(n: u64) -> Plural {
    if n == 1 {
        Plural::One
    } else {
        Plural::Other
    }
}

/// CLDR: one for 0 and 1, other for the rest (the noun stays singular after numbers).
fn plural_armenian(n: u64) -> Plural {
    if n <= 1 {
        Plural::One
    } else {
        Plural::Other
    }
}

/// CLDR: one for 1, 21, 31…; few for 2–4, 22–24…; many for the rest (5–20, 25–30…).
fn plural_russian(n: u64) -> Plural {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => Plural::One,
        (2..=4, r) if !(12..=14).contains(&r) => Plural::Few,
        _ => Plural::Many,
    }
}

/// English.
pub(crate) static ENGLISH: Texts = Texts {
    tag: "en",
    dir: "ltr",
    decimal: '.',
    stop: ".",
    plural: plural_english,
    based_on: "Based on",
    start: "Start the quiz",
    back: "Back",
    next: "Next question",
    finish: "See my result",
    check: "Check answer",
    select_first: "Select an answer before checking it.",
    hint_single: "Select one answer.",
    hint_multiple: "Select all that apply.",
    passage: "Read the passage in the article",
    result_heading: "Your result",
    review: "Review your answers",
    answer_key: "Questions and answers",
    retry: "Try again",
    share: "Share my result",
    copy_link: "Copy a link to my result",
    copied: "Link copied.",
    share_failed: "That did not work. The link is:",
    passed: "You passed",
    load_error: "This quiz could not be loaded",
    marks: [
        "Your answer: correct",
        "Correct answer, not selected",
        "Your answer: incorrect",
    ],
    outcomes: ["Correct", "Partly correct", "Incorrect", "Not answered"],
    questions: ["question", "questions", "questions", "questions"],
    points: ["point", "points", "points", "points"],
    progress: "Question {0} of {1}",
    answered: "{0} of {1} answered",
    question_number: "Question {0}",
    points_of: "{0} of {1} {2}",
    score: "You scored {0} out of {1} ({2} %)",
    pass_mark: "The pass mark is {0} %",
    share_text: "I scored {0} out of {1} ({2} %) in the quiz “{3}”.",
};

/// Armenian (Eastern).
pub(crate) static ARMENIAN: Texts = Texts {
    tag: "hy",
    dir: "ltr",
    decimal: ',',
    stop: "։",
    plural: plural_armenian,
    based_on: "Ըստ հոդվածի՝",
    start: "Սկսել վիկտորինան",
    back: "Հետ",
    next: "Հաջորդ հարցը",
    finish: "Տեսնել արդյունքը",
    check: "Ստուգել պատասխանը",
    select_first: "Ընտրեք պատասխան՝ նախքան այն ստուգելը։",
    hint_single: "Ընտրեք մեկ պատասխան։",
    hint_multiple: "Ընտրեք բոլոր ճիշտ տարբերակները։",
    passage: "Կարդալ այս հատվածը հոդվածում",
    result_heading: "Ձեր արդյունքը",
    review: "Ձեր պատասխանների վերլուծությունը",
    answer_key: "Հարցեր և պատասխաններ",
    retry: "Փորձել կրկին",
    share: "Կիսվել արդյունքով",
    copy_link: "Պատճենել արդյունքի հղումը",
    copied: "Հղումը պատճենված է։",
    share_failed: "Չստացվեց։ Հղումը՝",
    passed: "Դուք անցաք",
    load_error: "Վիկտորինան չհաջողվեց բեռնել",
    marks: ["Ձեր պատասխանը՝ ճիշտ", "Ճիշտ պատասխան, չընտրված", "Ձեր պատասխանը՝ սխալ"],
    outcomes: ["Ճիշտ է", "Մասամբ ճիշտ է", "Սխալ է", "Պատասխան չկա"],
    questions: ["հարց", "հարց", "հարց", "հարց"],
    points: ["միավոր", "միավոր", "միավոր", "միավոր"],
    progress: "Հարց {0}՝ {1}-ից",
    answered: "Պատասխանված է {0}-ը՝ {1}-ից",
    question_number: "Հարց {0}",
    points_of: "Միավոր՝ {0}՝ {1}-ից",
    score: "Դուք հավաքեցիք {0} միավոր {1}-ից ({2} %)",
    pass_mark: "Անցողիկ շեմը՝ {0} %",
    share_text: "Ես հավաքեցի {0} միավոր {1}-ից ({2} %) «{3}» վիկտորինայում։",
};

/// Russian.
pub(crate) static RUSSIAN: Texts = Texts {
    tag: "ru",
    dir: "ltr",
    decimal: ',',
    stop: ".",
    plural: plural_russian,
    based_on: "По статье",
    start: "Начать тест",
    back: "Назад",
    next: "Следующий вопрос",
    finish: "Показать результат",
    check: "Проверить ответ",
    select_first: "Выберите ответ, прежде чем проверять.",
    hint_single: "Выберите один ответ.",
    hint_multiple: "Выберите все подходящие варианты.",
    passage: "Прочитать этот фрагмент статьи",
    result_heading: "Ваш результат",
    review: "Разбор ответов",
    answer_key: "Вопросы и ответы",
    retry: "Пройти ещё раз",
    share: "Поделиться результатом",
    copy_link: "Скопировать ссылку на результат",
    copied: "Ссылка скопирована.",
    share_failed: "Не получилось. Ссылка:",
    passed: "Тест пройден",
    load_error: "Не удалось загрузить тест",
    marks: ["Ваш ответ: верно", "Верный ответ, не выбран", "Ваш ответ: неверно"],
    outcomes: ["Верно", "Частично верно", "Неверно", "Нет ответа"],
    questions: ["вопрос", "вопроса", "вопросов", "вопроса"],
    points: ["балл", "балла", "баллов", "балла"],
    progress: "Вопрос {0} из {1}",
    answered: "Отвечено: {0} из {1}",
    question_number: "Вопрос {0}",
    points_of: "Баллы: {0} из {1}",
    score: "Ваш результат: {0} из {1} ({2} %)",
    pass_mark: "Проходной порог — {0} %",
    share_text: "Мой результат в тесте «{3}»: {0} из {1} ({2} %).",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals_follow_cldr() {
        let forms: Vec<String> = [1, 2, 4, 5, 11, 12, 14, 20, 21, 22, 25, 101, 111]
            .iter()
            .map(|&n| RUSSIAN.question_count(n))
            .collect();
        assert_eq!(
            forms,
            [
                "1 вопрос",
                "2 вопроса",
                "4 вопроса",
                "5 вопросов",
                "11 вопросов",
                "12 вопросов",
                "14 вопросов",
                "20 вопросов",
                "21 вопрос",
                "22 вопроса",
                "25 вопросов",
                "101 вопрос",
                "111 вопросов",
            ]
        );
    }

    #[test]
    fn english_and_armenian_plurals() {
        assert_eq!(ENGLISH.question_count(1), "1 question");
        assert_eq!(ENGLISH.question_count(0), "0 questions");
        assert_eq!(ENGLISH.question_count(10), "10 questions");
        assert_eq!(ARMENIAN.question_count(10), "10 հարց");
        assert_eq!((ARMENIAN.plural)(0), Plural::One);
        assert_eq!((ARMENIAN.plural)(2), Plural::Other);
    }

    #[test]
    fn languages_are_chosen_by_their_primary_subtag() {
        assert_eq!(Texts::for_language("ru-RU").tag, "ru");
        assert_eq!(Texts::for_language("HY").tag, "hy");
        assert_eq!(Texts::for_language("hy_AM").tag, "hy");
        assert_eq!(Texts::for_language("fr").tag, "en");
        assert_eq!(Texts::for_language("").tag, "en");
        assert_eq!(Texts::for_language("rus").tag, "en");
        assert_eq!(Texts::for_language("ру").tag, "en");
    }

    #[test]
    fn decimals_take_the_languages_separator() {
        assert_eq!(RUSSIAN.decimal("0.5"), "0,5");
        assert_eq!(ARMENIAN.decimal("2.25"), "2,25");
        assert_eq!(ENGLISH.decimal("0.5"), "0.5");
    }

    #[test]
    fn templates_are_filled_in_each_languages_word_order() {
        assert_eq!(ENGLISH.progress(3, 10), "Question 3 of 10");
        assert_eq!(ENGLISH.points_of("0.5", 1), "0.5 of 1 point");
        assert_eq!(ENGLISH.points_of("2", 3), "2 of 3 points");
        assert_eq!(
            RUSSIAN.share_text("7", 10, 70, "Армения"),
            "Мой результат в тесте «Армения»: 7 из 10 (70 %)."
        );
        assert_eq!(ARMENIAN.answered(4, 10), "Պատասխանված է 4-ը՝ 10-ից");
        assert_eq!(RUSSIAN.pass_mark(60), "Проходной порог — 60 %");
    }

    #[test]
    fn fill_keeps_any_brace_that_names_no_argument() {
        let cases = [
            ("{0} of {1}", "7 of 10"),
            ("{1}, {0}", "10, 7"),
            ("{2} {0}", "{2} 7"),
            ("{x} {", "{x} {"),
            ("{0", "{0"),
            ("{ё}", "{ё}"),
            ("{{0}}", "{7}"),
        ];
        for (template, filled) in cases {
            assert_eq!(fill(template, &[Number(7), Text("10")]), filled, "{template}");
        }
    }

    #[test]
    fn templates_name_only_their_own_arguments_and_leave_none_out() {
        for texts in [&ENGLISH, &ARMENIAN, &RUSSIAN] {
            let templates = [
                (texts.progress, 2),
                (texts.answered, 2),
                (texts.question_number, 1),
                (texts.points_of, 3),
                (texts.score, 3),
                (texts.pass_mark, 1),
                (texts.share_text, 4),
            ];
            for (template, count) in templates {
                let placeholders: Vec<&str> = template.match_indices('{').map(|(i, _)| &template[i..i + 3]).collect();
                for placeholder in &placeholders {
                    let index = placeholder.as_bytes()[1].wrapping_sub(b'0');
                    assert!(placeholder.ends_with('}') && index < count, "{}: {template}", texts.tag);
                }
                // Only the plural noun of "points" is optional: some languages put it up front.
                let needed = if template == texts.points_of { 2 } else { count };
                for index in 0..needed {
                    assert!(template.contains(&format!("{{{index}}}")), "{}: {template}", texts.tag);
                }
            }
        }
    }

    #[test]
    fn every_table_fills_every_string() {
        for texts in [&ENGLISH, &ARMENIAN, &RUSSIAN] {
            let strings = [
                texts.based_on,
                texts.start,
                texts.back,
                texts.next,
                texts.finish,
                texts.check,
                texts.select_first,
                texts.hint_single,
                texts.hint_multiple,
                texts.passage,
                texts.result_heading,
                texts.review,
                texts.answer_key,
                texts.retry,
                texts.share,
                texts.copy_link,
                texts.copied,
                texts.share_failed,
                texts.passed,
                texts.load_error,
            ];
            assert!(strings.iter().all(|s| !s.trim().is_empty()), "{}", texts.tag);
            let forms = texts
                .marks
                .iter()
                .chain(&texts.outcomes)
                .chain(&texts.questions)
                .chain(&texts.points);
            assert!(forms.into_iter().all(|s| !s.is_empty()));
        }
    }
}
