//! Date extraction, absolute and relative, on synthetic sentences.

use parallax_analyze::dates::DateExtractor;

/// `(name, text, published, [(phrase, date, relative)])`: every date expected, in order.
type Case = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [(&'static str, Option<&'static str>, bool)],
);

const CASES: &[Case] = &[
    (
        "month_day_year",
        "The quay reopened on November 25, 2022.",
        None,
        &[("November 25, 2022", Some("2022-11-25"), false)],
    ),
    (
        "day_month_year",
        "It closed on 25 November 2022.",
        None,
        &[("25 November 2022", Some("2022-11-25"), false)],
    ),
    (
        "abbreviated_with_year",
        "Filed Nov. 25, 2022, in Varnby.",
        None,
        &[("Nov. 25, 2022", Some("2022-11-25"), false)],
    ),
    (
        "ordinal_day_of_month",
        "By the 3rd of March 2021 it was over.",
        None,
        &[("3rd of March 2021", Some("2021-03-03"), false)],
    ),
    (
        "iso",
        "Dated 2022-11-25 in the log.",
        None,
        &[("2022-11-25", Some("2022-11-25"), false)],
    ),
    (
        "invalid_day_is_kept_unresolved",
        "Dated February 30, 2022 by mistake.",
        None,
        &[("February 30, 2022", None, false)],
    ),
    (
        "month_year",
        "Prices fell in September 2022.",
        None,
        &[("September 2022", Some("2022-09"), false)],
    ),
    (
        "day_month_takes_publication_year",
        "The vote was on 9 November.",
        Some("2022-11-25"),
        &[("9 November", Some("2022-11-09"), true)],
    ),
    (
        "abbreviation_without_year",
        "Talks began Nov. 20 in Tarrow.",
        Some("2022-11-25"),
        &[("Nov. 20", Some("2022-11-20"), true)],
    ),
    (
        "day_soon_after_publication_stays",
        "A hearing is set for 28 November.",
        Some("2022-11-25"),
        &[("28 November", Some("2022-11-28"), true)],
    ),
    (
        "day_well_after_publication_is_last_year",
        "It flooded on 20 December.",
        Some("2022-11-25"),
        &[("20 December", Some("2021-12-20"), true)],
    ),
    (
        "day_without_publication",
        "The vote was on 9 November.",
        None,
        &[("9 November", None, true)],
    ),
    (
        "bare_month",
        "Anger has built since September.",
        Some("2022-11-25"),
        &[("since September", Some("2022-09"), true)],
    ),
    (
        "bare_month_next_month",
        "Elections are due in December.",
        Some("2022-11-25"),
        &[("in December", Some("2022-12"), true)],
    ),
    (
        "bare_month_far_ahead_is_last_year",
        "The mill shut in March.",
        Some("2022-01-10"),
        &[("in March", Some("2021-03"), true)],
    ),
    (
        "last_month_name",
        "It rained last September.",
        Some("2022-09-20"),
        &[("last September", Some("2021-09"), true)],
    ),
    (
        "year_after_preposition",
        "The guild collapsed in 1991.",
        None,
        &[("in 1991", Some("1991"), false)],
    ),
    (
        "year_before_noun",
        "Since the 1991 collapse, little changed.",
        None,
        &[("1991", Some("1991"), false)],
    ),
    (
        "on_weekday_same_day",
        "The mayor spoke on Friday.",
        Some("2022-11-25"),
        &[("on Friday", Some("2022-11-25"), true)],
    ),
    (
        "on_weekday_earlier",
        "The mayor spoke on Friday.",
        Some("2022-11-27"),
        &[("on Friday", Some("2022-11-25"), true)],
    ),
    (
        "bare_weekday",
        "Crews said Monday that the fire was out.",
        Some("2022-11-25"),
        &[("Monday", Some("2022-11-21"), true)],
    ),
    (
        "last_weekday_is_strictly_before",
        "It opened last Friday.",
        Some("2022-11-25"),
        &[("last Friday", Some("2022-11-18"), true)],
    ),
    (
        "next_weekday_is_strictly_after",
        "It opens next Friday.",
        Some("2022-11-25"),
        &[("next Friday", Some("2022-12-02"), true)],
    ),
    (
        "weekday_without_publication",
        "The mayor spoke on Friday.",
        None,
        &[("on Friday", None, true)],
    ),
    (
        "plural_weekday_recurs",
        "The market opens on Fridays.",
        Some("2022-11-25"),
        &[],
    ),
    (
        "yesterday_today_tomorrow",
        "Yesterday it rained, today it is dry and tomorrow it snows.",
        Some("2022-11-25"),
        &[
            ("Yesterday", Some("2022-11-24"), true),
            ("today", Some("2022-11-25"), true),
            ("tomorrow", Some("2022-11-26"), true),
        ],
    ),
    (
        "last_night",
        "Crews worked last night.",
        Some("2022-03-01"),
        &[("last night", Some("2022-02-28"), true)],
    ),
    (
        "months_relative",
        "Sales rose last month and will rise next month.",
        Some("2022-01-15"),
        &[
            ("last month", Some("2021-12"), true),
            ("next month", Some("2022-02"), true),
        ],
    ),
    (
        "years_relative",
        "This year is dry; last year was wet.",
        Some("2022-06-01"),
        &[
            ("This year", Some("2022"), true),
            ("last year", Some("2021"), true),
        ],
    ),
    (
        "week_is_not_resolved",
        "The port shut last week.",
        Some("2022-11-25"),
        &[("last week", None, true)],
    ),
    (
        "months_ago",
        "Troops arrived nine months ago.",
        Some("2022-11-25"),
        &[("nine months ago", Some("2022-02"), true)],
    ),
    (
        "days_ago",
        "It began 3 days ago.",
        Some("2022-03-02"),
        &[("3 days ago", Some("2022-02-27"), true)],
    ),
    (
        "a_year_ago",
        "A year ago the quay was busy.",
        Some("2022-11-25"),
        &[("A year ago", Some("2021"), true)],
    ),
    (
        "vague_ago_is_no_date",
        "Many years ago it was a farm.",
        Some("2022-11-25"),
        &[],
    ),
    (
        "may_the_verb",
        "The council may vote on the plan.",
        Some("2022-11-25"),
        &[],
    ),
    (
        "published_with_time",
        "The mayor spoke on Friday.",
        Some("2022-11-27T10:00:00Z"),
        &[("on Friday", Some("2022-11-25"), true)],
    ),
    (
        "garbage_publication",
        "The mayor spoke on Friday.",
        Some("soon"),
        &[("on Friday", None, true)],
    ),
];

#[test]
fn dates_table() {
    let ex = DateExtractor::new();
    for (name, text, published, want) in CASES {
        let got = ex.extract(text, *published, "a1");
        let got: Vec<(&str, Option<&str>, bool)> = got
            .iter()
            .map(|d| (d.text.as_str(), d.date.as_deref(), d.relative))
            .collect();
        assert_eq!(got, want.to_vec(), "{name}: {text:?}");
    }
}

#[test]
fn ids_spans_and_order() {
    let text = "On 9 November, a week after the vote «в Пирее», crews left on Friday.";
    let got = DateExtractor::new().extract(text, Some("2022-11-25"), "a7");
    let ids: Vec<&str> = got.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a7:d1", "a7:d2"]);
    for d in &got {
        assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
    }
}

mod never_panics {
    use parallax_analyze::dates::DateExtractor;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn on_random_text(text in "\\PC{0,200}", published in prop::option::of("\\PC{0,12}")) {
            for d in DateExtractor::new().extract(&text, published.as_deref(), "a1") {
                prop_assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
            }
        }

        #[test]
        fn on_date_soup(parts in prop::collection::vec(prop::sample::select(vec![
            "on", "last", "next", "Friday", "9", "31", "November", "Feb.", "29", ",", "2022",
            "0001", "9999", "in", "since", "ago", "months", "years", "nine", "a", "yesterday",
        ]), 0..30), year in 1i32..9999, day in 1u32..28) {
            let text = parts.join(" ");
            let published = format!("{year:04}-02-{day:02}");
            for d in DateExtractor::new().extract(&text, Some(&published), "a1") {
                prop_assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
            }
        }
    }
}
