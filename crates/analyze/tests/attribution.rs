//! Quotes with their kind, speaker and cue, on synthetic news paragraphs covering the
//! conventions of real newsrooms.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use parallax_analyze::Analyzer;
use parallax_model::{Article, QuoteKind, SpeakerVia};

fn analyze(title: Option<&str>, text: &str) -> parallax_model::AnalyzedArticle {
    Analyzer::new().analyze(Article {
        id: "t".into(),
        title: title.map(str::to_string),
        text: text.into(),
        ..Default::default()
    })
}

/// (quote text starts with, kind, speaker name or "-", cue or "-")
type Want<'a> = (&'a str, QuoteKind, &'a str, &'a str);

fn check(text: &str, want: &[Want]) {
    let a = analyze(None, text);
    // Reported speech is checked only by the cases that ask for it.
    let with_indirect = want.iter().any(|w| w.1 == QuoteKind::Indirect);
    let got: Vec<(String, QuoteKind, String, String)> = a
        .quotes
        .iter()
        .filter(|q| with_indirect || q.kind != QuoteKind::Indirect)
        .map(|q| {
            (
                q.text.clone(),
                q.kind,
                q.speaker.as_ref().map_or("-".into(), |s| s.name.clone()),
                q.cue.clone().unwrap_or_else(|| "-".into()),
            )
        })
        .collect();
    assert_eq!(got.len(), want.len(), "quotes: {got:#?}");
    for (g, w) in got.iter().zip(want) {
        assert!(
            g.0.starts_with(w.0),
            "text {:?} should start with {:?}",
            g.0,
            w.0
        );
        assert_eq!(
            (g.1, g.2.as_str(), g.3.as_str()),
            (w.1, w.2, w.3),
            "for quote {:?}",
            g.0
        );
    }
}

macro_rules! case {
    ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            check($text, &[$($want),*]);
        }
    };
}

use QuoteKind::*;

case!(
    name_then_cue_after_quote,
    "Mayor Ana Ruiz visited the docks. “We will rebuild every pier,” Ruiz said.",
    [("We will rebuild every pier", Direct, "Ana Ruiz", "said")]
);
case!(
    inverted_cue_after_quote,
    "“The water rose in minutes,” said Tomas Brandt, a fisherman.",
    [("The water rose in minutes", Direct, "Tomas Brandt", "said")]
);
case!(
    pronoun_resolves_to_nearest_person,
    "Harbour master Lena Okafor inspected the wall.\n\n“It held, but barely,” she said.",
    [("It held, but barely", Direct, "Lena Okafor", "said")]
);
case!(
    pronoun_respects_gender,
    "Lena Okafor met Mr. Piet Vos at noon. “The wall held,” he said.",
    [("The wall held", Direct, "Piet Vos", "said")]
);
case!(role_noun_resolves_to_title_holder,
    "President Ilse Maren opened the session.\n\nThe president later told reporters: “We are not done.”",
    [("We are not done.", Direct, "Ilse Maren", "told")]);
case!(
    colon_introduction,
    "Ana Ruiz said: “The pier reopens on Monday.”",
    [("The pier reopens on Monday.", Direct, "Ana Ruiz", "said")]
);
case!(
    told_with_object,
    "“Nobody warned us,” Tomas Brandt told the crowd in a short speech.",
    [("Nobody warned us", Direct, "Tomas Brandt", "told")]
);
case!(
    according_to_after,
    "“The budget is gone,” according to Vera Lind, the treasurer.",
    [("The budget is gone", Direct, "Vera Lind", "according to")]
);
case!(
    organisation_speaks,
    "“The harbour is closed until further notice,” the Port Authority said in a statement.",
    [("The harbour is closed", Direct, "Port Authority", "said")]
);
case!(
    partial_quote_in_narration,
    "Mayor Ana Ruiz said the town would ‘never forget’ the crews.",
    [("never forget", Partial, "Ana Ruiz", "said")]
);
case!(
    partial_quote_after_speech_verb,
    "The ministry was forced to concede “serious mistakes.”",
    [("serious mistakes", Partial, "ministry", "concede")]
);
case!(
    scare_quote_is_a_term,
    "The so-called “reform package” passed on Tuesday.",
    [("reform package", Term, "-", "-")]
);
case!(
    naming_verb_quotes_the_speakers_words,
    "Activist Mira Holt referred to the new rules as “paper walls.”",
    [("paper walls", Partial, "Mira Holt", "referred to")]
);
case!(
    nickname_someone_coins_is_their_word,
    "Engineers dubbed the new breakwater “Iron Lady.”",
    [("Iron Lady", Partial, "Engineers", "dubbed")]
);
case!(
    name_known_to_nobody_in_particular_is_a_term,
    "The new breakwater, known locally as “Iron Lady,” held.",
    [("Iron Lady", Term, "-", "-")]
);
case!(
    fragment_in_a_sentence_about_someone_is_partial,
    "Councillor Ivo Brandt kept pushing his “harbour first” plan at the meeting.",
    [("harbour first", Partial, "Ivo Brandt", "-")]
);
case!(
    programme_title_after_a_possessive_is_a_term,
    "“The pier stays shut,” Ana Ruiz said on Channel Nine's “Morning Harbour.”",
    [
        ("The pier stays shut", Direct, "Ana Ruiz", "said"),
        ("Morning Harbour", Term, "-", "-"),
    ]
);
case!(
    fragment_in_reported_speech_takes_its_speaker,
    "Mayor Ana Ruiz argued on Monday that the old plan had been a “costly mistake” for the town.",
    [
        ("the old plan had been a", Indirect, "Ana Ruiz", "argued"),
        ("costly mistake", Partial, "Ana Ruiz", "argued"),
    ]
);
case!(
    first_person_words_are_speech_not_a_scare_quote,
    "For the crews it was “our worst night.”",
    [("our worst night", Partial, "-", "-")]
);
case!(
    title_case_in_a_headline_style_line_is_not_a_title,
    "Harbour Chief Tells Port Board Crews ‘Did Everything Right’ At Pier\n\nRafael Amsel spoke on Monday.",
    [("Did Everything Right", Partial, "Harbour Chief", "tells")]
);
case!(
    participle_after_an_object_takes_the_clause_subject,
    "After a long silence, Mayor Ana Ruiz backed the port board, saying, “We need the pier open by June.”",
    [("We need the pier open by June.", Direct, "Ana Ruiz", "saying")]
);
case!(
    listener_after_told_is_not_the_speaker,
    "Ruiz changed course again on Monday, telling the Harbour Gazette that the plan was “finished.”",
    [("finished", Partial, "Ruiz", "telling")]
);
case!(
    reported_clause_before_a_direct_quote_is_indirect,
    "Harbour master Delphine Okoro said the new wall was built for the storms to come: “It will hold.”",
    [
        ("the new wall was built for the storms to come", Indirect, "Delphine Okoro", "said"),
        ("It will hold.", Direct, "Delphine Okoro", "said"),
    ]
);
case!(
    author_of_a_statement_is_the_speaker,
    "Ana Ruiz left the port board in May.\n\nAt the time, she released a statement saying, “The harbour is in good hands.”",
    [("The harbour is in good hands.", Direct, "Ana Ruiz", "saying")]
);
case!(
    clause_after_said_that_is_not_a_speaker,
    "Mayor Ana Ruiz thanked the crews and said that her team would keep working “to rebuild every pier.”",
    [("to rebuild every pier", Partial, "Ana Ruiz", "said")]
);
case!(
    title_before_a_name_is_not_the_speaker,
    "“This is a sad day for the town,” said Rep. Ana K. Ruiz (D-Port), head of the harbour caucus.",
    [(
        "This is a sad day for the town",
        Direct,
        "Ana K. Ruiz",
        "said"
    )]
);
case!(
    as_someone_put_it,
    "As Tomas Brandt put it in a statement, “the pier is our living room.”",
    [(
        "the pier is our living room.",
        Direct,
        "Tomas Brandt",
        "put it"
    )]
);
case!(
    quote_after_reported_speech_continues_it,
    "Harbour master Delphine Okoro warned that the wall would not last another winter. “We have patched it for the last time.”",
    [
        ("the wall would not last another winter", Indirect, "Delphine Okoro", "warned"),
        ("We have patched it for the last time.", Direct, "Delphine Okoro", "-"),
    ]
);
case!(
    speaker_of_a_later_clause_is_not_the_quotes,
    "Councillor Ivo Brandt said he was “on the fence” until Ruiz said the pier would close.",
    [("on the fence", Partial, "Ivo Brandt", "said")]
);
case!(
    cue_with_a_colon_introduces_the_next_quote,
    "After the mayor said the pier was “beyond repair,” Brandt said: “We will see about that.”",
    [
        ("beyond repair", Partial, "mayor", "said"),
        ("We will see about that.", Direct, "Brandt", "said"),
    ]
);
case!(
    infinitive_cue_takes_the_clause_subject,
    "Mayor Ana Ruiz took to the radio on Monday to accuse the port board of a “shameful delay.”",
    [("shameful delay", Partial, "Ana Ruiz", "accuse")]
);
case!(
    preposition_opening_a_sentence_is_not_a_speaker,
    "During a visit to the docks, Ana Ruiz praised the crews, saying, “They worked all night.”",
    [("They worked all night.", Direct, "Ana Ruiz", "saying")]
);
case!(
    title_after_a_year_or_a_kind_of_work_is_a_term,
    "In his 2019 book, “Tides of the North,” Tomas Brandt said the harbour would flood.",
    [("Tides of the North", Term, "-", "-")]
);
case!(
    space_between_nested_and_outer_closing_marks,
    "\"If you lose squarely, you shake hands and say, 'Well done,' \" said Rep. Dana Russo.",
    [("If you lose squarely", Direct, "Dana Russo", "said")]
);
case!(
    title_inside_the_attribution_is_not_the_speaker,
    "As Ana Ruiz, author of “The Unwritten Charter,” put it, “The council should compromise now.”",
    [
        ("The Unwritten Charter", Term, "-", "-"),
        (
            "The council should compromise now.",
            Direct,
            "Ana Ruiz",
            "put it"
        ),
    ]
);
case!(
    weekday_before_a_name_is_not_part_of_it,
    "On Sunday Mayor Ana Ruiz announced: “The pier reopens in June.”",
    [("The pier reopens in June.", Direct, "Ana Ruiz", "announced")]
);
case!(
    fragment_takes_the_speaker_of_its_own_clause,
    "Ruiz said the pier was safe, while Brandt argued that the wall was “a ruin.”",
    [("a ruin", Partial, "Brandt", "argued")]
);
case!(
    fragment_in_an_object_relative_clause_is_not_the_subjects,
    "The minimum release, which negotiators called the “flow floor,” was settled last.",
    [("flow floor", Partial, "negotiators", "called")]
);
case!(
    sentence_opening_adverb_is_not_a_speaker,
    "Early in the campaign, Ruiz attacked the board, calling it “a closed club.”",
    [("a closed club", Partial, "Ruiz", "calling")]
);
case!(
    place_before_an_infinitive_cue_is_not_the_speaker,
    "Brandt, taking to Twitter to call the plan “a disgrace,” left the meeting.",
    [("a disgrace", Partial, "Brandt", "call")]
);
case!(
    coordinated_cue_shares_the_subject,
    "As the crowd cheered, Ruiz was joined on stage by the harbour master and joked, “Nobody fell in today.”",
    [("Nobody fell in today.", Direct, "Ruiz", "joked")]
);
case!(
    shot_back,
    "Asked about the delay, Councillor Ivo Brandt shot back: “Ask the board.”",
    [("Ask the board.", Direct, "Ivo Brandt", "shot back")]
);
case!(
    long_apposition_before_the_cue,
    "Dana Russo, a close friend of the mayor who ran the harbour office for a decade, said, “She never gave up.”",
    [("She never gave up.", Direct, "Dana Russo", "said")]
);
case!(
    pronoun_prefers_its_sentences_subject,
    "Ivo Brandt said he had two choices left: Mayor Tomas Ruiz, whom he called “the lesser evil,” or nobody.",
    [("the lesser evil", Partial, "Ivo Brandt", "called")]
);
case!(
    name_role_name_subject_is_the_second_name,
    "Mayor Ana Ruiz spoke first. Ruiz spokesman Ivo Brandt said that the pier had “good bones,” he said.",
    [("good bones", Partial, "Ivo Brandt", "said")]
);
case!(
    doubled_apostrophes_quote_speech,
    "''We will rebuild the pier,'' said Mayor Ana Ruiz.",
    [("We will rebuild the pier", Direct, "Ana Ruiz", "said")]
);
case!(
    title_of_work_is_a_term,
    "The crew watched “The Long Night of the Harbour” twice.",
    [("The Long Night of the Harbour", Term, "-", "-")]
);
case!(
    split_quote_is_one_quote,
    "“We lost three boats,” Brandt said. “We will not lose a fourth.”",
    [(
        "We lost three boats, We will not lose a fourth.",
        Direct,
        "Brandt",
        "said"
    )]
);
case!(
    continuation_paragraph_takes_previous_speaker,
    "“The wall was old,” engineer Sofia Lund said.\n\n“Nobody had checked it in ten years.”",
    [
        ("The wall was old", Direct, "Sofia Lund", "said"),
        ("Nobody had checked", Direct, "Sofia Lund", "-")
    ]
);
case!(
    quoted_as_saying,
    "Piet Vos was quoted as saying “the numbers do not add up” by the local paper.",
    [(
        "the numbers do not add up",
        Partial,
        "Piet Vos",
        "quoted as saying"
    )]
);

#[test]
fn multi_paragraph_quote_is_one_direct_quote_with_two_parts() {
    let a = analyze(
        None,
        "Sofia Lund said:\n\n“The first wall cracked at dawn.\n\n“The second one went at noon.”",
    );
    assert_eq!(a.quotes.len(), 1, "{:#?}", a.quotes);
    assert_eq!(a.quotes[0].parts.len(), 2);
    assert_eq!(a.quotes[0].kind, Direct);
}

#[test]
fn headline_quote_is_kind_headline_and_resolves_by_name() {
    let a = analyze(
        Some("Ruiz Vows “Every Pier” Will Return"),
        "Mayor Ana Ruiz spoke on Friday. She said the town would recover.",
    );
    let h = &a.quotes[0];
    assert_eq!(h.kind, Headline);
    assert_eq!(h.text, "Every Pier");
    assert_eq!(
        h.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Ana Ruiz")
    );
    assert_eq!(h.id, "t:q1");
}

#[test]
fn pronoun_attribution_says_how() {
    let a = analyze(None, "Lena Okafor inspected the wall. “It held,” she said.");
    let s = a.quotes[0].speaker.as_ref().unwrap();
    assert_eq!((s.mention.as_str(), s.via), ("she", SpeakerVia::Pronoun));
    assert_eq!(&a.article.text[s.span.unwrap().0..s.span.unwrap().1], "she");
}

#[test]
fn offsets_of_quotes_point_at_their_words() {
    let a = analyze(
        None,
        "Ana Ruiz said: “Rebuild it.” Then she left. “Now,” she added.",
    );
    for q in &a.quotes {
        for p in &q.parts {
            assert!(q.text.contains(&a.article.text[p.0..p.1]));
        }
    }
}

// Conventions added with the PolNeAR work (issue 3). Every text is synthetic.

case!(
    question_quote_then_attribution,
    "Okafor took questions at the dock.\n\n“Who pays for the wall?” Lena Okafor asked.",
    [("Who pays for the wall?", Direct, "Lena Okafor", "asked")]
);
case!(
    colon_introduction_in_previous_paragraph,
    "The Harbour Gazette reports:\n\n“The pier was closed before dawn and will stay closed until the inspectors return.”",
    [("The pier was closed", Direct, "Harbour Gazette", "reports")]
);
case!(
    continued_before_a_quote,
    "Mayor Ana Ruiz spoke first.\n\nShe continued, “We will open the road by Friday.”",
    [("We will open the road", Direct, "Ana Ruiz", "continued")]
);
case!(
    quote_after_that_is_partial,
    "Ruiz said that “the pier will reopen by May at the latest.”",
    [(
        "the pier will reopen by May at the latest",
        Partial,
        "Ruiz",
        "said"
    )]
);
case!(
    narration_after_the_marks_makes_it_partial,
    "“The only fix is a higher wall” for the old harbour, Ruiz said.",
    [("The only fix is a higher wall", Partial, "Ruiz", "said")]
);
case!(
    descriptors_before_name_after_inverted_cue,
    "“Every boat will be back at sea by May,” said harbour master Lena Okafor.",
    [("Every boat will be back", Direct, "Lena Okafor", "said")]
);
case!(
    indirect_said_that,
    "Harbour master Lena Okafor said that the sea wall would need new stones before winter.",
    [(
        "the sea wall would need new stones before winter",
        Indirect,
        "Lena Okafor",
        "said"
    )]
);
case!(
    indirect_according_to_opening,
    "According to the regional council, about 300 homes were damaged by the flood.",
    [(
        "about 300 homes were damaged by the flood",
        Indirect,
        "regional council",
        "according to"
    )]
);
case!(
    indirect_content_before_attribution,
    "The river could rise again on Friday, Mayor Ana Ruiz warned.",
    [(
        "The river could rise again on Friday",
        Indirect,
        "Ana Ruiz",
        "warned"
    )]
);
case!(
    indirect_told_reporters,
    "Tomas Brandt told reporters the fleet would stay in port for a week.",
    [(
        "the fleet would stay in port for a week",
        Indirect,
        "Tomas Brandt",
        "told"
    )]
);
case!(
    indirect_keeps_quoted_words_apart,
    "Ruiz said the plan was “a fairy tale” and would fail.",
    [
        ("the plan was", Indirect, "Ruiz", "said"),
        ("a fairy tale", Partial, "Ruiz", "said"),
    ]
);

#[test]
fn indirect_parenthetical_has_two_parts() {
    let text = "The dam, engineer Sofia Lund said, will hold through the spring floods.";
    let a = analyze(None, text);
    let q = a
        .quotes
        .iter()
        .find(|q| q.kind == Indirect)
        .expect("indirect");
    let parts: Vec<&str> = q.parts.iter().map(|p| p.of(text)).collect();
    assert_eq!(parts, ["The dam", "will hold through the spring floods"]);
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Sofia Lund")
    );
}

#[test]
fn direct_quote_sentence_gets_no_indirect_duplicate() {
    let a = analyze(None, "“We will rebuild,” Ruiz said on Friday.");
    assert!(
        a.quotes.iter().all(|q| q.kind != Indirect),
        "{:#?}",
        a.quotes
    );
}

// Dash attributions, as in reader round-ups: the name after the dash is the speaker.
case!(
    dash_attribution_names_the_speaker,
    "“The ferry must run every hour.” ― Marta Quillon\n\n“Nobody asked the islanders.” — Tobias Renn, a fisherman.",
    [
        ("The ferry must run every hour.", Direct, "Marta Quillon", "-"),
        ("Nobody asked the islanders.", Direct, "Tobias Renn", "-")
    ]
);
// A dash inside narration is no attribution.
case!(
    dash_before_narration_names_nobody,
    "“The ferry must run every hour.” — Then the meeting moved on to the budget.",
    [("The ferry must run every hour.", Direct, "-", "-")]
);
// Interview transcripts: an upper-case label and a colon open each speaker's turn.
case!(
    transcript_turns_name_their_speakers,
    "Anchor Ruth Calder spoke with Governor Emil Sandoval.\n\nCALDER: “Will the bridge reopen before winter?”\n\n“SANDOVAL: We expect the bridge to reopen in November.”",
    [
        ("Will the bridge reopen before winter?", Direct, "Ruth Calder", "-"),
        ("We expect the bridge", Direct, "Emil Sandoval", "-")
    ]
);
// A plain noun phrase with its determiner speaks when no name or known role does.
case!(
    plain_noun_phrase_speaker_after_quote,
    "“The levy was never lawful,” the ruling said.\n\n“Keep the gates shut at night,” my grandfather often said.",
    [
        ("The levy was never lawful", Direct, "ruling", "said"),
        ("Keep the gates shut", Direct, "grandfather", "said")
    ]
);
case!(
    plain_noun_phrase_subject_before_quote,
    "As the sirens sounded, the announcer said, “Please leave the stands calmly.”",
    [(
        "Please leave the stands calmly.",
        Direct,
        "announcer",
        "said"
    )]
);
// An object before the cue is not the speaker: the sentence's subject is.
case!(
    object_before_participle_cue_is_not_the_speaker,
    "Inspector Lena Vark reached the barrier.\n\nShe waved the crowd back and shouted, “Stay behind the line now!”",
    [("Stay behind the line now!", Direct, "Lena Vark", "shouted")]
);
// A colon introduction without a speech verb takes its subject.
case!(
    colon_introduction_without_cue_takes_subject,
    "Mayor Nadia Ferreira made her position plain: “We will rebuild the pier by spring.”",
    [(
        "We will rebuild the pier by spring.",
        Direct,
        "Nadia Ferreira",
        "-"
    )]
);
// A transcript quoted with marks left open at each paragraph's end: one quote per turn.
case!(
    open_transcript_quote_splits_at_each_turn,
    "Anchor Ruth Calder spoke with Governor Emil Sandoval.\n\n\"CALDER: Will the bridge reopen before winter?\n\n\"SANDOVAL: We expect the bridge to reopen in November.\n\n\"CALDER: And the ferry fares?",
    [
        ("Will the bridge reopen", Direct, "Ruth Calder", "-"),
        ("We expect the bridge", Direct, "Emil Sandoval", "-"),
        ("And the ferry fares?", Direct, "Ruth Calder", "-")
    ]
);

/// A continuation quote rests on the earlier quote's mention: it carries that mention's span.
#[test]
fn continuation_quote_points_at_the_mention_it_rests_on() {
    let text = "Engineer Sofia Lund toured the dam.\n\n“The wall was old,” she said. “Nobody had checked it.”\n\n“We will rebuild it by spring.”";
    let a = analyze(None, text);
    let she = text.find("she said").unwrap();
    let last = a.quotes.last().unwrap();
    let speaker = last.speaker.as_ref().unwrap();
    assert_eq!(speaker.via, SpeakerVia::Context);
    assert_eq!(speaker.name, "Sofia Lund");
    let span = speaker.span.unwrap();
    assert_eq!((span.0, span.1), (she, she + "she".len()));
}

#[test]
fn descriptor_phrase_is_a_nearer_antecedent_than_another_name() {
    let a = analyze(
        None,
        "“The wall held,” said harbour master Lena Okafor on Monday.\n\nFire chief Tomas Brandt declined to comment.\n\nLater the harbour master struck a defiant tone. “We will rebuild,” she insisted.",
    );
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("We will rebuild"))
        .unwrap();
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Lena Okafor")
    );
}
