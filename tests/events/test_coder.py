"""Event types, roles, dates and places coded from small invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.record import Article, Event


def _one(events, etype):
    found = [e for e in events if e.type == etype]
    assert found, [(e.type, e.rule) for e in events]
    return found[0]


def _countries(refs):
    return {r.country for r in refs}


@pytest.mark.parametrize(("text", "etype", "mode", "source", "target"), [
    ("Iran accused Israel of sabotage at the Natanz site.", "ACCUSE", "disapprove", "IRN", "ISR"),
    ("France condemned Russia on Monday.", "ACCUSE", "disapprove", "FRA", "RUS"),
    # the mode of a demand or threat is what it asks or threatens (GUIDELINES 5)
    ("The United States demanded that Iran release the prisoners.", "REQUEST", "yield", "USA",
     None),
    ("Russia rejected the proposal by Ukraine.", "REJECT", None, "RUS", None),
    ("Iran threatened to strike Israel.", "THREATEN", "violence", "IRN", None),
    ("The European Union imposed sanctions on Russia.", "SANCTION", None, None, "RUS"),
    ("Russia deployed troops near the border with Ukraine.", "MOBILIZE", "troops", "RUS", None),
    ("Israeli police arrested Palestinian protesters.", "COERCE", "arrest", "ISR", None),
    ("Israel launched missiles at Syria.", "ASSAULT", "aerial", "ISR", "SYR"),
    ("Germany sent humanitarian aid to Ukraine.", "AID", None, "DEU", "UKR"),
    ("France praised Germany for its leadership.", "SUPPORT", None, "FRA", "DEU"),
    ("Russia withdrew troops from Belarus.", "RETREAT", "withdraw", "RUS", None),
    ("Egypt agreed to mediate between Israel and Hamas.", "AGREE", None, "EGY", "ISR"),
    ("Israel shared intelligence with Jordan.", "COOPERATE", None, "ISR", "JOR"),
])
def test_coder_event_types(code_text, text, etype, mode, source, target) -> None:
    event = _one(code_text(text), etype)
    assert event.mode == mode
    if source:
        assert event.source is not None and event.source.country == source
    if target:
        assert event.target is not None and event.target.country == target
    assert event.modality == "asserted"
    assert event.sentence == text and event.start == 0
    assert text[event.trigger_start:event.trigger_end] == event.trigger


@pytest.mark.parametrize("text", [
    "The Prime Minister highlighted how Norway is continuing to surge security and economic "
    "assistance to Moldova.",
    "Norway announced more than $40 million in new humanitarian assistance to Moldova.",
])
def test_coder_aid_surged_or_announced_in_money(code_text, text) -> None:
    aid = _one(code_text(text), "AID")
    assert aid.target.country == "MDA"


def test_coder_aid_with_no_recipient_goes_to_the_other_side_of_the_contact(code_text) -> None:
    """Aid named without its recipient in the report of a two-party contact goes to the
    state of the side that is not the giver's ("the assistance the United States is
    providing", discussed with Ukraine's Prime Minister); with no contact, to no one."""
    text = ("Jake Sullivan spoke today with Prime Minister Denys Shmyhal of Ukraine. The two "
            "discussed the humanitarian assistance the United States is providing.")
    aid = _one(code_text(text), "AID")
    assert (aid.source.name, aid.target.name) == ("United States", "Ukraine")
    alone = code_text("The humanitarian assistance the United States is providing grows.")
    assert not [e for e in alone if e.type == "AID"]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Estonia sent portable anti-aircraft missiles to Ukraine last month.", "EST", "UKR"),
    ("Norway sent rocket launchers to Ukraine in May.", "NOR", "UKR"),
])
def test_coder_arms_sent_to_a_state_are_aid(code_text, text, source, target) -> None:
    """Missiles and other arms sent to a named state are military aid (GUIDELINES: AID),
    not a deployment of the sender's own forces."""
    events = code_text(text)
    aid = _one(events, "AID")
    assert (aid.source.country, aid.target.country) == (source, target)
    assert aid.modality == "asserted" and aid.rule == "aid.send_arms"
    assert not [e for e in events if e.type == "MOBILIZE"]


@pytest.mark.parametrize(("text", "etype", "mode"), [
    # one's own forces sent are a deployment; arms sent to no named state are one too
    ("Spain sent troops to Latvia in March.", "MOBILIZE", "troops"),
    ("Russia sent missiles to the border on Tuesday.", "MOBILIZE", "weapons"),
])
def test_coder_forces_sent_stay_mobilize(code_text, text, etype, mode) -> None:
    events = code_text(text)
    assert _one(events, etype).mode == mode
    assert not [e for e in events if e.type == "AID"]


def test_coder_arms_sent_negated_or_promised(code_text) -> None:
    denied = _one(code_text("Hungary did not send missiles to Ukraine."), "AID")
    assert denied.modality == "negated"
    promised = code_text("Canada will send missiles to Ukraine next month.")
    assert _one(promised, "AGREE").rule.endswith(">future")
    assert not [e for e in promised if e.type == "AID" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "Norway thanked the Moldovan Government for its efforts to host refugees.",
    "Norway thanked the Government of Moldova for its efforts to host refugees.",
])
def test_coder_a_named_government_is_its_state(code_text, text) -> None:
    praise = _one(code_text(text), "SUPPORT")
    assert (praise.target.name, praise.target.kind) == ("Moldova", "state")


def test_coder_phone_call_is_symmetric_consult(code_text) -> None:
    event = _one(code_text("Prime Minister Naftali Bennett spoke on the phone with Russian "
                           "President Vladimir Putin on Jan. 13."), "CONSULT")
    assert event.mode == "phone"
    assert {a.name for a in event.actors} == {"Naftali Bennett", "Vladimir Putin"}
    assert event.source is None and event.target is None
    assert (event.date, event.date_precision) == (date(2022, 1, 13), "day")
    assert event.date_text == "Jan. 13"


def test_coder_passive_launch_by_into(code_text) -> None:
    events = code_text("In August, the Russian military said it had shot down 22 of 24 "
                       "missiles launched by Israel into Syria.")
    event = next(e for e in events if e.type == "ASSAULT" and e.trigger == "launched")
    assert (event.source.country, event.target.country, event.mode) == ("ISR", "SYR", "aerial")
    assert (event.date, event.date_precision) == (date(2021, 8, 1), "month")


@pytest.mark.parametrize("text", [
    "Norway's October oil production beat forecasts.",
    "The Nasdaq rose, all having hit records last week.",
    "Twin bombings yesterday struck the cathedral.",
])
def test_coder_attack_needs_attacker_and_attacked(code_text, text: str) -> None:
    """An attack with one actor named was nearly always a misreading on the development gold
    (markets that "hit" records, forecasts "beaten"): it is not coded."""
    assert not [e for e in code_text(text) if e.type == "ASSAULT"]


def test_coder_meeting_with_conjoined_partners_is_one_meeting(code_text) -> None:
    events = [e for e in code_text("Blinken met with Boris Johnson and Emmanuel Macron in "
                                   "Paris in November.") if e.type == "CONSULT"]
    groups = {frozenset(a.name.split()[-1] for a in e.actors) for e in events}
    assert groups == {frozenset({"Blinken", "Johnson", "Macron"})}


def test_coder_meetings_at_a_summit_give_pairs(code_text) -> None:
    events = [e for e in code_text("Bennett met with Boris Johnson and Emmanuel Macron during "
                                   "the climate summit in Glasgow in November.")
              if e.type == "CONSULT"]
    pairs = {frozenset(a.name.split()[-1] for a in e.actors) for e in events}
    assert pairs == {frozenset({"Bennett", "Johnson"}), frozenset({"Bennett", "Macron"})}
    assert all(e.location and e.location.name == "Glasgow" for e in events)
    assert all(e.location.country == "GBR" for e in events)


def test_coder_no_time_expression_publication_date_inferred(code_text) -> None:
    event = _one(code_text("Putin called Bennett."), "CONSULT")
    assert event.date == date(2022, 1, 14) and event.date_inferred
    assert event.date_text is None and event.date_start is None


_LEAD = "On Wednesday, a court in Lagos ruled against Governor Babajide Sanwo-Olu. "
"""An invented news lead dating its story to a day before publication (2022-01-12)."""


def test_coder_lead_day_dates_undated_step_of_its_paragraph(code_text) -> None:
    # GUIDELINES 6: the lead's day is the anchor the story's undated steps are told at
    event = _one(code_text(_LEAD + "Judge Amaka Obi dismissed the governor's lawsuit."), "REJECT")
    assert event.date == date(2022, 1, 12) and event.date_inferred


@pytest.mark.parametrize("text", [
    # a standing state, not a step of the lead's day
    _LEAD + "Judge Amaka Obi has rejected the governor's appeal.",
    # a future step is no step of the day told
    _LEAD + "Judge Amaka Obi will reject the governor's appeal.",
    # a later paragraph goes back to background or on to reactions
    _LEAD + "\n\nJudge Amaka Obi dismissed the governor's lawsuit.",
    # no lead day: the day a readout reports is the publication day
    "A court in Lagos ruled today against Governor Babajide Sanwo-Olu. "
    "Judge Amaka Obi dismissed the governor's lawsuit.",
])
def test_coder_lead_day_leaves_other_events_at_publication(code_text, text) -> None:
    event = _one(code_text(text), "REJECT")
    assert event.date == date(2022, 1, 14) and event.date_inferred


@pytest.mark.parametrize("text", [
    "Secretary of State Antony Blinken spoke today with Bordurian Foreign Minister Anna Kovac "
    "to congratulate President Ivo Ban on his May 1 election victory.",
    "Secretary of State Antony Blinken spoke today with Bordurian Foreign Minister Anna Kovac. "
    "The Secretary thanked Minister Kovac for her visit to Washington last week.",
])
def test_coder_statement_in_a_call_is_of_the_call_not_of_what_it_names(code_text, text) -> None:
    # the older time dates the election or the visit; the praise was said in today's call
    events = code_text(text, date(2022, 5, 10))
    praise = _one(events, "SUPPORT")
    assert (praise.date, praise.date_precision) == (date(2022, 5, 10), "day")
    assert praise.date_text is None


def test_coder_looked_forward_to_a_month_is_dated_by_the_announcement(code_text) -> None:
    # "looked forward to ... in early June" in May speaks of the coming June: the AGREE is
    # the looking forward, of the readout's day (GUIDELINES 6), not of June a year ago
    event = _one(code_text("Secretary Blinken said he looked forward to Bordurian participation "
                           "in the Pan-Asian Summit in Kuala Lumpur in early June.",
                           date(2022, 5, 10)), "AGREE")
    assert event.date == date(2022, 5, 10)


def test_coder_negated_call_kept_as_negated(code_text) -> None:
    events = code_text("Biden did not call Bennett for over three weeks.")
    event = _one(events, "CONSULT")
    assert event.modality == "negated"


def test_coder_ruled_out_act_did_not_happen(code_text) -> None:
    # a phrasal verb of refusal negates its complement like "refused to"
    event = _one(code_text("Scholz ruled out sending ground troops to Ukraine.",
                           date(2023, 11, 16)), "MOBILIZE")
    assert event.modality == "negated"


def test_coder_future_meeting_is_agree(code_text) -> None:
    event = _one(code_text("Bennett will meet Putin in Moscow next week."), "AGREE")
    # the plan is announced: the AGREE happened (PLOVER), the meeting has not
    assert event.modality == "asserted" and event.rule.endswith(">future")
    assert {a.name for a in event.actors} >= {"Vladimir Putin"}


def test_coder_invitation_accepted_is_agree_with_roles(code_text) -> None:
    event = _one(code_text("Last month, Bennett accepted an invitation from Putin to meet with "
                           "him in Moscow.", date(2021, 10, 7)), "AGREE")
    assert event.source.name == "Naftali Bennett" and event.target.name == "Vladimir Putin"
    assert (event.date, event.date_precision) == (date(2021, 9, 1), "month")
    assert not [e for e in code_text("Bennett accepted an invitation from Putin to meet with "
                                     "him in Moscow.") if e.type == "CONSULT"]


def test_coder_host_makes_visitor_the_source(code_text) -> None:
    event = _one(code_text("Putin hosted Bennett in Sochi."), "CONSULT")
    assert event.mode == "visit"
    assert event.source.name == "Naftali Bennett" and event.target.name == "Vladimir Putin"


def test_coder_marks_repeated_mentions(code_text) -> None:
    events = code_text("Bennett spoke with Putin on the phone on Jan. 13. "
                       "Bennett spoke with Putin by phone this week.")
    consult = [e for e in events if e.type == "CONSULT"]
    assert len(consult) == 2
    assert [e.rule.endswith("+dup") for e in consult] == [False, True]



@pytest.mark.parametrize("text", [
    "Secretary of State Antony Blinken praised Ukraine on Monday. Blinken commended the "
    "courage of the Ukrainian people on Monday.",
    "France signed an agreement with Ukraine on Monday. France signed a deal with the "
    "Ukrainian people on Monday.",
])
def test_coder_repeat_that_differs_only_in_a_sector_is_a_repeat(code_text, text) -> None:
    # GUIDELINES 2: "Ukraine" the state and "Ukraine" from "the Ukrainian people" read the
    # same; the repeat takes the kept event's participants, so linking joins the two
    from sitrep.actors.identity import participant_key

    events = [e for e in code_text(text, date(2022, 1, 14)) if e.type in ("SUPPORT", "AGREE")]
    assert [e.rule.endswith("+dup") for e in events] == [False, True]
    assert [participant_key(r) for r in events[1].actors] == \
        [participant_key(r) for r in events[0].actors]


@pytest.mark.parametrize("second", [
    "Blinken praised Poland on Monday.",  # another name
    "Blinken commended the courage of the Ukrainian people on Thursday.",  # another day
    "Blinken did not commend the Ukrainian people on Monday.",  # another modality
])
def test_coder_events_that_read_differently_are_no_repeats(code_text, second) -> None:
    events = [e for e in code_text("Secretary of State Antony Blinken praised Ukraine on "
                                   "Monday. " + second, date(2022, 1, 14))
              if e.type == "SUPPORT"]
    assert len(events) == 2
    assert not any(e.rule.endswith("+dup") for e in events)

def test_coder_meeting_of_three_told_again_in_pairs_is_one_meeting(code_text) -> None:
    # one trilateral meeting: the later "glad to see Yoon" is no second, bilateral one
    events = code_text("President Biden met with Prime Minister Kishida and President Yoon on "
                       "June 29. Biden said he was glad to see Yoon on June 29.",
                       date(2022, 6, 30))
    contacts = [e for e in events if e.type == "CONSULT" and not e.rule.endswith("+dup")]
    assert [{a.name for a in e.actors} for e in contacts] == [
        {"Joe Biden", "Fumio Kishida", "Yoon Suk Yeol"}]


@pytest.mark.parametrize(("pair", "apart"), [
    ("Separately, President Biden held a bilateral meeting with Prime Minister Kishida.", True),
    ("President Biden also spoke with Prime Minister Kishida by phone.", True),
    # words of what is said or talked about ("also valued", "bilateral trade") do not set a
    # pair apart from the meeting it is told at
    ("During the meeting, President Biden told Prime Minister Kishida that Washington also "
     "valued Japan's leadership.", False),
    ("At the meeting, President Biden welcomed Prime Minister Kishida and discussed bilateral "
     "trade.", False),
])
def test_coder_contact_beside_a_meeting_of_three_is_its_own_only_when_set_apart(
        code_text, pair, apart) -> None:
    events = code_text("President Biden met with Prime Minister Kishida and President Yoon in "
                       "Madrid today. " + pair, date(2022, 6, 29))
    contacts = [{a.name for a in e.actors} for e in events
                if e.type == "CONSULT" and not e.rule.endswith("+dup")]
    assert ({"Joe Biden", "Fumio Kishida"} in contacts) is apart


def test_coder_code_many_matches_code(coder, code_text) -> None:
    from sitrep.record import Article

    texts = ["Israel launched missiles at Syria.", "Putin called Bennett."]
    arts = [Article(url=f"t://{i}", title="", text=t, origin="t", published=date(2022, 1, 14),
                    id=f"a{i}") for i, t in enumerate(texts)]
    batched = [(a.text, [e.type for e in ev]) for a, ev in coder.code_many(arts, batch_size=2)]
    single = [(a.text, [e.type for e in coder.code(a)]) for a in arts]
    assert batched == single


def test_coder_version_names_rules_model_and_kb(coder) -> None:
    assert "rules-" in coder.version and "core_web_sm" in coder.version and "kb-" in coder.version


def test_coder_partner_parsed_as_purpose_subject(code_text) -> None:
    """The small model reads "with Bennett to offer" as Bennett offering: he is the partner."""
    events = code_text("President Biden spoke today with Prime Minister Bennett to offer his "
                       "warm congratulations.", published=date(2021, 6, 13))
    call = _one(events, "CONSULT")
    assert {a.name for a in call.actors} == {"Joe Biden", "Naftali Bennett"}
    assert call.date == date(2021, 6, 13)
    assert not [e for e in events if e.type == "AGREE"], "a purpose clause is no event"


def test_coder_readout_title_gives_call_mode(coder) -> None:
    text = "President Biden spoke today with Prime Minister Bennett of Israel."
    titles = {"call": "Readout of President Biden's Call with Prime Minister Bennett of Israel",
              "meeting": "Readout of President Biden's Meeting with Prime Minister Bennett",
              "press": "Background Press Call by a Senior Administration Official"}
    modes = {}
    for key, title in titles.items():
        article = Article(url="test://t", title=title, text=text, origin="t",
                          published=date(2021, 6, 13), id="a_t")
        modes[key] = _one(coder.code(article), "CONSULT").mode
    assert modes == {"call": "phone", "meeting": "meeting", "press": None}


def test_coder_speaker_labels_and_pleasantries_silent(code_text) -> None:
    assert code_text("PRIME MINISTER BENNETT: Thank you.\n\nSECRETARY BLINKEN: Thank you "
                     "very, very much.") == []


STATE = "https://www.state.gov/x/"
"""A State Department release's address: "The Secretary" of its text is its own."""


def _remarks(coder, title: str, text: str, url: str = "https://www.whitehouse.gov/x/",
             published: date = date(2022, 5, 10)):
    """Code a government release (its site says whose voice it is)."""
    return coder.code(Article(url=url, title=title, text=text, origin="t",
                              published=published, id="a_t"))


def test_coder_greeting_of_remarks_is_the_contact(coder) -> None:
    # the host's welcome is the visit, dated on the day of the remarks, not on the month a
    # later clause names
    events = _remarks(coder, "Remarks by President Biden and Prime Minister Bennett Before "
                      "Their Meeting",
                      "PRIME MINISTER BENNETT: Mr. President, it’s an honor to welcome you "
                      "to Jerusalem, to return the hospitality I received in March.\n\n"
                      "PRESIDENT BIDEN: Thank you. It's good to see you again.")
    visit = _one(events, "CONSULT")
    assert {a.name for a in visit.actors} == {"Naftali Bennett", "Joe Biden"}
    assert (visit.mode, visit.date, visit.modality) == ("visit", date(2022, 5, 10), "asserted")
    seen = [e for e in events if e.type == "CONSULT" and "see" in e.rule]
    assert seen and {a.name for a in seen[0].actors} == {"Naftali Bennett", "Joe Biden"}


def test_coder_form_of_address_is_the_one_addressed(coder) -> None:
    # "His Majesty" names no one by itself: in a transcript it is the other principal,
    # elsewhere no actor at all
    title = "Remarks by President Biden and His Majesty King Abdullah II Before Their Meeting"
    text = ("HIS MAJESTY KING ABDULLAH II: Thank you, Mr. President.\n\nPRESIDENT BIDEN: It "
            "is a pleasure to welcome back to the White House an old friend, His Majesty.")
    visit = _one(_remarks(coder, title, text), "CONSULT")
    assert {a.name for a in visit.actors} == {"Abdullah II", "Joe Biden"}
    events = _remarks(coder, "Readout", "President Biden welcomed His Majesty to the White "
                      "House on Monday.", "https://example.com/x")
    assert all(a.name != "Majesty" for e in events for a in e.actors)


def test_coder_greeting_in_the_document_voice(coder) -> None:
    text = ("It's a great pleasure to have Prime Minister Bennett and his delegation here at "
            "the White House.")
    visit = _one(_remarks(coder, "Remarks by President Biden Before Meeting with Prime "
                          "Minister Bennett", text), "CONSULT")
    assert {a.name for a in visit.actors} == {"Naftali Bennett", "Joe Biden"}
    assert (visit.mode, visit.modality) == ("visit", "asserted")


def test_coder_meeting_told_as_visit_is_one_visit(code_text) -> None:
    # the link stage keeps mentions of different modes apart: one contact, one mode
    events = code_text("President Biden hosted Prime Minister Bennett at the White House on "
                       "Monday. Biden and Bennett met for two hours on Monday.")
    contacts = [e for e in events if e.type == "CONSULT"]
    assert len(contacts) == 2
    assert {e.mode for e in contacts} == {"visit"}


def test_coder_bare_welcome_greets_the_one_addressed(coder) -> None:
    title = "Secretary Blinken and Prime Minister Bennett Before Their Meeting"
    for text in ("PRIME MINISTER BENNETT: Secretary Blinken, Tony, welcome to Jerusalem.",
                 "SECRETARY BLINKEN: Thank you.\n\nPRIME MINISTER BENNETT: Mr. Secretary, "
                 "welcome to Jerusalem."):
        visit = _one(_remarks(coder, title, text, "https://www.state.gov/x/"), "CONSULT")
        assert {a.name for a in visit.actors} == {"Naftali Bennett", "Antony Blinken"}
        assert visit.mode == "visit"


def test_coder_speaker_label_with_an_unknown_title_word(coder) -> None:
    # a misspelt title taken into the name must not hide the person the label names
    title = "Secretary Blinken and Prime Minister Netanyahu Before Their Meeting"
    text = "PRIME MININSTER NETANYAHU: Secretary Blinken, welcome to Jerusalem."
    visit = _one(_remarks(coder, title, text, "https://www.state.gov/x/", date(2021, 5, 25)),
                 "CONSULT")
    assert {a.name for a in visit.actors} == {"Benjamin Netanyahu", "Antony Blinken"}


@pytest.mark.parametrize("text", [
    "It's a pleasure to welcome the ceasefire in Yemen.",
    "It's good to see progress in the talks on Yemen.",
    "Welcome to the talks on Yemen.",
    "Ukraine is welcome to join the European Union.",
    "We are happy to have the support of Japan.",
    "PRESIDENT BIDEN: Thank you, Mr. Prime Minister.",
])
def test_coder_greeting_needs_someone_greeted(coder, text) -> None:
    events = _remarks(coder, "Remarks by President Biden Before Meeting with Prime Minister "
                      "Bennett", text)
    assert not [e for e in events if e.type == "CONSULT"]


def test_coder_transcript_turns_speak_for_their_speaker(coder) -> None:
    text = ("PRESIDENT BIDEN: I strongly condemned Russia for the attack on Kyiv.\n\n"
            "PRIME MINISTER DRAGHI: I spoke with you yesterday about energy.\n\n"
            "Q: Did you condemn China?")
    article = Article(url="https://www.whitehouse.gov/briefing-room/x/", text=text,
                      title="Remarks by President Biden Announcing Support for Ukraine",
                      origin="t", published=date(2022, 5, 10), id="a_t")
    events = coder.code(article)
    accuse = _one(events, "ACCUSE")
    assert (accuse.source.name, accuse.target.country) == ("Joe Biden", "RUS")
    call = _one(events, "CONSULT")
    assert {a.name for a in call.actors} == {"Mario Draghi", "Joe Biden"}
    assert call.date == date(2022, 5, 9)
    # a reporter's question is nobody's statement
    assert not [e for e in events if e.sentence.startswith("Q:")]


@pytest.mark.parametrize("title, speaker", [
    ("Remarks by President Biden Before Meeting with Prime Minister Kallas", "Joe Biden"),
    ("Statement by President Biden on the Security of Estonia", "United States"),
])
def test_coder_speakers_we_in_remarks_is_the_speaker(coder, title, speaker) -> None:
    # said aloud, "we" takes a position as the speaker's own; written, as the government's
    text = "PRESIDENT BIDEN: We're united in our support of Estonia."
    assert _one(_remarks(coder, title, text), "SUPPORT").source.name == speaker


def test_coder_reporter_without_colon_asks_the_one_who_answers(coder) -> None:
    text = ("PRESIDENT BIDEN: Thank you all for coming.\n\n"
            "Q Sweden and Finland, after you met with President Erdoğan yesterday.\n\n"
            "PRESIDENT BIDEN: Yes, I did.")
    events = _remarks(coder, "Remarks by President Biden in Press Conference", text)
    call = _one(events, "CONSULT")
    assert {a.name for a in call.actors} == {"Joe Biden", "Recep Tayyip Erdoğan"}
    assert call.date == date(2022, 5, 9)


@pytest.mark.parametrize("title, subject, sources", [
    ("President Biden Statement on the Truce in Moldova", "I", {"Joe Biden"}),
    ("Joint Statement Between the United States and Norway on Moldova", "We",
     {"United States", "Norway"}),
    ("Joint Statement Following Meeting Between President Biden and Prime Minister Jonas "
     "Gahr Store", "We", {"Joe Biden", "Jonas Gahr Støre"}),
])
def test_coder_title_names_the_voice_before_or_between(coder, title, subject, sources) -> None:
    # "I" and "we" are whoever the title names: first, or after "Joint Statement Between"
    text = f"{subject} welcome the courageous leadership of Moldova in brokering the truce."
    praise = _one(_remarks(coder, title, text), "SUPPORT")
    assert {a.name for a in praise.actors} == sources | {"Moldova"}


@pytest.mark.parametrize("text, url", [
    ("The Department of the Treasury today imposed sanctions on Belarus.",
     "https://www.whitehouse.gov/x/"),
    ("The U.S. Treasury today imposed sanctions on Belarus.", "test://x"),
    ("The United States Departments of State and the Treasury today imposed sanctions on "
     "Belarus.", "test://x"),
])
def test_coder_a_department_is_its_state(coder, text, url) -> None:
    # the department of the publishing government, or of the state it names, is the state
    sanction = _one(_remarks(coder, "Fact Sheet", text, url), "SANCTION")
    assert (sanction.source.name, sanction.source.kind) == ("United States", "state")


def test_coder_titled_speaker_ends_before_what_they_do(coder) -> None:
    article = Article(url="https://www.whitehouse.gov/briefing-room/y/", origin="t",
                      title="Remarks by President Biden Announcing Response to Russian Actions",
                      text="Today I strongly condemned Russia for the attack on Kyiv.",
                      published=date(2022, 2, 22), id="a_t")
    assert _one(coder.code(article), "ACCUSE").source.name == "Joe Biden"


def test_coder_untagged_group_word_is_the_attacker(code_text) -> None:
    # the model tags no entity in "Houthi attacks"; the gazetteer knows the group's name
    attack = _one(code_text("Houthi attacks on Saudi Arabia continued on Monday."), "ASSAULT")
    assert (attack.source.name, attack.target.country) == ("Houthis", "SAU")


def test_coder_untagged_body_of_leaders_is_the_side_met(code_text) -> None:
    # the model tags no entity in "the leaders of the G7"; the gazetteer knows the body
    meeting = _one(code_text("President Biden met with the leaders of the G7 today."),
                   "CONSULT")
    assert {a.name for a in meeting.actors} == {"Joe Biden", "G7"}


def test_coder_the_president_of_a_release_is_its_own(coder) -> None:
    text = ("President Biden spoke today with President Andrzej Duda of Poland. The President "
            "reiterated his support for Poland's security.")

    def support(url: str) -> list[str]:
        article = Article(url=url, title="", text=text, origin="t", published=date(2022, 3, 1),
                          id="a_t")
        return sorted(a.name for a in _one(coder.code(article), "SUPPORT").actors)

    assert support("https://www.whitehouse.gov/briefing-room/x/") == ["Joe Biden", "Poland"]
    # a release that never named its own president means the one it named
    other = ("Secretary Blinken met President Macky Sall of Senegal. The President thanked "
             "the Secretary for U.S. support.")
    article = Article(url="https://www.state.gov/x/", title="", text=other, origin="t",
                      published=date(2022, 3, 1), id="a_t")
    assert "Macky Sall" in {a.name for a in _one(coder.code(article), "SUPPORT").actors}


def test_coder_the_secretary_of_a_release_is_its_own(coder) -> None:
    text = ("Secretary Blinken met with Foreign Secretary Liz Truss and NATO Secretary General "
            "Jens Stoltenberg. The Secretary condemned Russia's attack on Ukraine.")
    article = Article(url="https://www.state.gov/x/", title="", text=text, origin="t",
                      published=date(2022, 3, 1), id="a_t")
    accused = _one(coder.code(article), "ACCUSE")
    assert accused.source is not None and accused.source.name == "Antony Blinken"


def test_coder_the_president_named_by_the_headline_is_its_own(coder) -> None:
    # the title names the principal before the body's first bare "The President"
    text = ("The President welcomed President Yoon Suk Yeol of the Republic of Korea to the "
            "White House today. The President reaffirmed his support for the Republic of "
            "Korea.")
    title = "Readout of President Biden’s Meeting with President Yoon Suk Yeol of Korea"
    events = _remarks(coder, title, text, published=date(2022, 9, 21))
    support = [e for e in events if e.type == "SUPPORT" and e.target is not None
               and e.target.name == "South Korea"]
    assert support and support[0].source is not None
    assert support[0].source.name == "Joe Biden"
    # a title that names only the guest leaves the body's "The President" unread
    untitled = _remarks(coder, "Readout of a Meeting with President Yoon Suk Yeol of Korea",
                        text, published=date(2022, 9, 21))
    assert all(a.name != "Joe Biden" for e in untitled for a in e.actors)


def test_coder_the_secretary_named_by_the_headline_is_its_own(coder) -> None:
    text = ("The Secretary spoke today with Indian External Affairs Minister Subrahmanyam "
            "Jaishankar. The Secretary condemned Russia’s attacks on Ukraine.")
    accused = _one(_remarks(coder, "Secretary Blinken’s Call with Indian External Affairs "
                            "Minister Jaishankar", text, STATE), "ACCUSE")
    assert accused.source is not None and accused.source.name == "Antony Blinken"
    # a deputy's title names no Secretary: "The Secretary" is not Blinken there
    deputy = _remarks(coder, "Deputy Secretary Sherman’s Call with Indian External Affairs "
                      "Minister Jaishankar", text, STATE)
    assert all(a.name != "Antony Blinken" for e in deputy for a in e.actors)


def test_coder_the_president_in_his_own_turn_is_his_guest(coder) -> None:
    title = ("Remarks by President Biden and President Yoon Suk Yeol of the Republic of Korea "
             "Before Bilateral Meeting")
    text = ("PRESIDENT YOON: Thank you, Mr. President.\n\nPRESIDENT BIDEN: Good afternoon. "
            "The President condemned North Korea’s missile launches last week.")
    accused = _one(_remarks(coder, title, text, published=date(2022, 9, 21)), "ACCUSE")
    assert accused.source is not None and accused.source.name == "Yoon Suk Yeol"


def test_coder_condemned_deed_names_its_doer(code_text) -> None:
    war = _one(code_text("President Biden condemned Russia's unjustifiable war against "
                         "Ukraine."), "ACCUSE")
    assert {a.name for a in war.actors} == {"Joe Biden", "Russia"}
    attack = _one(code_text("France condemned the Iranian attack on Israel."), "ACCUSE")
    assert attack.target.country == "IRN"


def test_coder_mobilisation_towards_a_state(code_text) -> None:
    for text in ("They voiced concern about Russia's build-up of forces along Ukraine's "
                 "border.", "Russia massed troops near Ukraine's border."):
        event = _one(code_text(text), "MOBILIZE")
        assert (event.source.country, event.target.country) == ("RUS", "UKR"), text


def test_coder_mobilisation_on_the_border_with_a_state(code_text) -> None:
    """A border's "with" phrase names the state beyond it: the build-up is towards it."""
    for text in ("Officials warned of a continued Russian build-up on the border with "
                 "Ukraine.", "Russia moved troops to the frontier with Ukraine."):
        event = _one(code_text(text), "MOBILIZE")
        assert (event.source.country, event.target.country) == ("RUS", "UKR"), text


def test_coder_joint_aid_and_sanctions_of_officials_are_their_states(code_text) -> None:
    """Officials of two states acting together give aid and impose sanctions as their
    states (GUIDELINES 4); one official named as acting stays the person."""
    text = ("President Biden and Prime Minister Draghi stand together on sanctioning Russia "
            "and on helping Ukraine.")
    events = code_text(text)
    for etype, target in (("SANCTION", "Russia"), ("AID", "Ukraine")):
        event = _one(events, etype)
        assert {a.name for a in event.actors} == {"United States", "Italy", target}, etype
    alone = _one(code_text("President Biden sent humanitarian aid to Ukraine."), "AID")
    assert alone.source.name == "Joe Biden"


def test_coder_summit_trip_meets_the_summits_body(code_text) -> None:
    events = code_text("First Lady Jill Biden will travel to Romania. Later, President Biden "
                       "will travel to Brussels, Belgium, where he will attend the NATO Summit.",
                       date(2021, 6, 1))
    plans = {tuple(sorted(a.name for a in e.actors)) for e in events if e.type == "AGREE"}
    # the President is not the First Lady named before him, and he goes to meet NATO
    assert plans == {("Jill Biden", "Romania"), ("Joe Biden", "NATO")}


@pytest.mark.parametrize("text,body", [
    ("Prime Minister Kovac will attend the G20 Summit in Rome next month.", "G20"),
    ("German Chancellor Anna Weber will participate on May 3 in the NATO Summit in "
     "Vilnius.", "NATO"),
])
def test_coder_announced_attendance_at_a_summit_is_agree_with_its_body(code_text, text,
                                                                       body) -> None:
    # the body whose summit it is is met, not the country the summit is held in
    plan = _one(code_text(text, date(2023, 4, 18)), "AGREE")
    assert body in {a.name for a in plan.actors}
    assert not {"Italy", "Lithuania"} & {a.name for a in plan.actors}
    assert plan.date == date(2023, 4, 18)


def test_coder_attendance_at_a_summit_not_announced_is_no_agree(code_text) -> None:
    # not going, going only perhaps, or a summit of no named body: no plan announced
    for text in ("Prime Minister Kovac will not attend the G20 Summit in Rome.",
                 "Prime Minister Kovac may attend the G20 Summit in Rome.",
                 "Prime Minister Kovac will attend a summit in Rome next month."):
        assert not [e for e in code_text(text, date(2023, 4, 18))
                    if e.type == "AGREE" and e.modality == "asserted"], text
    # partners described as attending report no act of theirs
    described = code_text("The ministers noted their partners, Japan and Australia, "
                          "attending the NATO Ministerial for the first time.", date(2023, 4, 18))
    assert not [e for e in described if "NATO" in {a.name for a in e.actors}
                and e.type in ("CONSULT", "AGREE")]
    # attended: the meeting itself
    held = _one(code_text("Prime Minister Kovac attended the G20 Summit in Rome on Monday.",
                          date(2023, 4, 18)), "CONSULT")
    assert "G20" in {a.name for a in held.actors}
    # a summit named by two states, or by its place, is read by the meeting rules
    pair = _one(code_text("President Biden attended the U.S.-China summit in Bali on Monday.",
                          date(2023, 4, 18)), "CONSULT")
    assert {"United States", "China"} <= {a.name for a in pair.actors}


def test_coder_a_name_joined_to_a_body_s_leaders_is_a_second_party(code_text) -> None:
    # "G7 leaders and President X": the leaders are the G7, X is not one titled leader
    plan = _one(code_text("Prime Minister Anna Weber of Germany will meet with G20 leaders and "
                          "President Zelenskyy in Rome.", date(2023, 4, 18)), "AGREE")
    assert {"G20", "Volodymyr Zelensky"} <= {a.name for a in plan.actors}


def test_coder_trip_meets_the_counterpart_its_clause_names(code_text) -> None:
    # the one the traveller goes to meet is the other side, not the state of the place
    for text in ("Secretary Blinken will travel to Lisbon, Portugal to meet with Foreign "
                 "Minister Joao Gomes Cravinho.",
                 "Secretary Blinken will travel to Lisbon, Portugal, where he will hold talks "
                 "with Foreign Minister Joao Gomes Cravinho."):
        plan = _one(code_text(text, date(2022, 5, 2)), "AGREE")
        assert sorted(a.name for a in plan.actors) == ["Antony Blinken", "Joao Gomes Cravinho"]
    # a companion of the journey is no counterpart: the place's state stays
    visit = _one(code_text("Secretary Blinken traveled to Kyiv, Ukraine with Secretary of "
                           "Defense Lloyd Austin."), "CONSULT")
    assert visit.target is not None and visit.target.name == "Ukraine"


def test_coder_trip_to_a_list_of_states_visits_each(code_text) -> None:
    # the small model parses the second state as the first's apposition
    events = code_text("National Cyber Director Chris Inglis traveled to Israel, the Netherlands, "
                       "and the United Kingdom to meet with government officials.")
    visited = {e.target.name for e in events if e.type == "CONSULT" and e.target is not None}
    assert visited == {"Israel", "Netherlands", "United Kingdom"}


def test_coder_people_the_small_model_tags_as_places_are_people(code_text) -> None:
    # "Scholz" and "Erdogan" come out of the small model as GPE; the kb has both in office
    for text, pair in (("Scholz called Putin on Friday.", {"Olaf Scholz", "Vladimir Putin"}),
                       ("Turkey's Erdogan met Putin in Sochi on Friday.",
                        {"Recep Tayyip Erdoğan", "Vladimir Putin"})):
        consult = _one(code_text(text, date(2022, 11, 15)), "CONSULT")
        assert {a.name for a in consult.actors} == pair, text


def test_coder_cities_the_small_model_misses_stand_for_their_state(code_text) -> None:
    # "Lviv" is tagged PERSON, "Odesa" nothing at all
    for text in ("Russian missiles struck Lviv on Sunday.", "Russian forces attacked Odesa."):
        attack = _one(code_text(text, date(2022, 11, 15)), "ASSAULT")
        assert attack.target is not None and attack.target.name == "Ukraine", text


def test_coder_event_placed_after_another_takes_not_its_day(code_text) -> None:
    # "tonight" is the statement's; the call came before it, on a day not given
    consult = _one(code_text("The statement tonight came after Trump spoke with Erdogan.",
                             date(2019, 10, 8)), "CONSULT")
    assert consult.date_text is None and consult.date_inferred


def test_coder_journey_to_meet_someone_is_the_meeting(code_text) -> None:
    consult = _one(code_text("Israel's prime minister, Naftali Bennett, flew to Sochi to meet "
                             "Putin.", date(2021, 10, 22)), "CONSULT")
    assert {a.name for a in consult.actors} == {"Naftali Bennett", "Vladimir Putin"}
    assert consult.modality == "asserted"


def test_coder_words_spoken_in_a_call_are_a_contact(code_text) -> None:
    for text in ("Macron told Zelensky in a phone call that France would send more weapons.",
                 "During the meeting, Biden urged Xi to rein in North Korea."):
        consult = _one(code_text(text, date(2022, 11, 15)), "CONSULT")
        assert len(consult.actors) == 2, text
    # a negotiation someone takes part in names no contact with their client, nor a body's
    # session one with the other
    assert not code_text("He represented his client, Gary Franklin, in a negotiation.")
    assert not [e for e in code_text("During a meeting of the Security Council, Russia warned "
                                     "the United States.") if e.type == "CONSULT"]


def test_coder_a_states_title_is_its_holder_not_its_government(code_text) -> None:
    for text, holder in (("Iran's supreme leader condemned the United States.", "Ali Khamenei"),
                         ("The Russian president accused NATO of expansion.", "Vladimir Putin")):
        accuse = _one(code_text(text, date(2021, 10, 22)), "ACCUSE")
        assert accuse.source is not None and accuse.source.name == holder, text
    # a plural or office-less word stays the government
    accuse = _one(code_text("Russian officials accused NATO of expansion.", date(2021, 10, 22)),
                  "ACCUSE")
    assert accuse.source is not None and accuse.source.name == "Russia"
    # the title decides, not only its office: Iran's president heads its government
    accuse = _one(code_text("Iran's president condemned the United States.",
                            date(2022, 11, 15)), "ACCUSE")
    assert accuse.source is not None and accuse.source.name == "Ebrahim Raisi"
    # a title of no one office names no holder ("Russia's top general")
    accuse = _one(code_text("Russia's top general accused NATO of provocations.",
                            date(2022, 11, 15)), "ACCUSE")
    assert accuse.source is not None and accuse.source.name == "Russia"


def test_coder_a_capital_tagged_as_a_person_is_its_state(code_text) -> None:
    # the small model tags "Kyiv" as PERSON
    reject = _one(code_text("The Kremlin rejected Kyiv's peace plan.", date(2022, 4, 16)),
                  "REJECT")
    assert {a.name for a in reject.actors} == {"Russia", "Ukraine"}


def test_coder_arms_sent_to_a_state_are_aid_fired_into_it_not(code_text) -> None:
    for text, pair in (("Britain will send 120 armoured vehicles to Ukraine.",
                        ("United Kingdom", "Ukraine")),
                       ("Iran supplied drones to Russia.", ("Iran", "Russia"))):
        aid = _one(code_text(text, date(2022, 4, 16)), "AID")
        assert (aid.source.name, aid.target.name) == pair, text
    for text in ("Russia sent missiles into Ukraine overnight.",
                 "Russia sent waves of drones to Kyiv overnight."):
        assert not [e for e in code_text(text) if e.type == "AID"], text


@pytest.mark.parametrize(("text", "pair"), [
    # a contact in a relative clause is its persons'
    ("Putin, who spoke with Erdogan on Monday, warned the West.",
     {"Vladimir Putin", "Recep Tayyip Erdoğan"}),
    ("Zelensky, whom Biden met in Kyiv, thanked the United States.",
     {"Joe Biden", "Volodymyr Zelensky"}),
    # the small model tags neither "Modi" nor "Lula"; "Jr." is no one ("Ferdinand Marcos Jr.")
    ("Modi spoke by phone with Biden on Monday.", {"Narendra Modi", "Joe Biden"}),
    ("Lula met Biden at the White House on Friday.",
     {"Luiz Inácio Lula da Silva", "Joe Biden"}),
    ("President Joseph R. Biden, Jr. met with King Abdullah II today.",
     {"Joe Biden", "Abdullah II"}),
])
def test_coder_contact_sides_the_small_model_misreads(code_text, text: str,
                                                     pair: set[str]) -> None:
    consult = _one(code_text(text, date(2023, 2, 11)), "CONSULT")
    assert {a.name for a in consult.actors} == pair, text


def test_coder_contact_in_an_adverbial_clause_is_no_content_of_the_saying(code_text) -> None:
    consult = _one(code_text("Speaking after talks with Scholz in Berlin, Macron said Europe "
                             "must stay united.", date(2023, 2, 11)), "CONSULT")
    assert {a.name for a in consult.actors} == {"Emmanuel Macron", "Olaf Scholz"}


def test_coder_who_claims_an_attack_made_it(code_text) -> None:
    for text, pair in (("The Houthis claimed responsibility for a drone attack on Abu Dhabi.",
                        ("Houthis", "United Arab Emirates")),
                       ("Hamas took credit for the rocket attack on Israel.",
                        ("Hamas", "Israel"))):
        attack = _one(code_text(text, date(2022, 6, 15)), "ASSAULT")
        assert (attack.source.name, attack.target.name) == pair, text


def test_coder_officials_including_named_people_are_those_people(code_text) -> None:
    meeting = _one(code_text("Secretary Blinken met with senior Hungarian officials, including "
                             "Foreign Minister Peter Szijjarto."), "CONSULT")
    assert sorted(a.name for a in meeting.actors) == ["Antony Blinken", "Péter Szijjártó"]


def test_coder_a_name_inside_a_things_name_takes_no_part(code_text) -> None:
    # "the G7 climate initiative" is a thing the two agree on, not a third party
    event = _one(code_text("Prime Minister Trudeau and President Macron agreed on the "
                           "importance of the G7 climate initiative."), "AGREE")
    assert sorted(a.name for a in event.actors) == ["Emmanuel Macron", "Justin Trudeau"]


def test_coder_hosting_needs_people_and_two_participants(code_text) -> None:
    assert not code_text("Poland has received LNG gas from Qatar for many years.")
    hosted = _one(code_text("President Biden hosted the Israeli delegation at the White "
                            "House."), "CONSULT")
    assert sorted(a.name for a in hosted.actors) == ["Israel", "Joe Biden"]
    # the host unresolved, one state read twice is no contact
    assert not [e for e in code_text("The official welcomed the Japanese foreign minister to "
                                     "Washington.") if e.type == "CONSULT"]


@pytest.mark.parametrize(("text", "day"), [
    ("President Biden welcomed Prime Minister Modi to the White House on Monday.",
     date(2022, 1, 10)),
    ("President Biden welcomes Prime Minister Modi to the White House today.",
     date(2022, 1, 14)),
    ("President Biden welcomed Prime Minister Modi in person to the White House last "
     "September.", date(2021, 9, 1)),
])
def test_coder_guest_welcomed_to_a_place_visits_the_host(code_text, text, day) -> None:
    # the small model reads "Modi to the White House" as a clause of its own: the guest is
    # still the one welcomed, a visit to the host, no praise (GUIDELINES 5)
    events = code_text(text)
    visit = _one(events, "CONSULT")
    assert visit.mode == "visit" and visit.modality == "asserted" and visit.date == day
    assert (visit.source.name, visit.target.name) == ("Narendra Modi", "Joe Biden")
    assert not [e for e in events if e.type == "SUPPORT"]


@pytest.mark.parametrize(("text", "etype"), [
    # welcoming a decision or an election praises its owner
    ("President Biden welcomed Prime Minister Modi's decision to join the initiative.",
     "SUPPORT"),
    ("President Biden welcomed the election of Prime Minister Modi.", "SUPPORT"),
    # a welcome to come is an announced visit
    ("President Biden will welcome Prime Minister Modi to the White House next week.",
     "AGREE"),
    ("President Biden looks forward to welcoming Prime Minister Modi to the White House.",
     "AGREE"),
])
def test_coder_welcome_of_a_deed_or_to_come_is_no_visit(code_text, text, etype) -> None:
    events = [e for e in code_text(text) if e.modality == "asserted"]
    assert _one(events, etype)
    assert not [e for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize("text", [
    "President Biden did not welcome Prime Minister Modi to the White House.",
    "President Biden may welcome Prime Minister Modi to the White House.",
    "If he is re-elected, President Biden would welcome Prime Minister Modi to the White House.",
])
def test_coder_welcome_denied_or_hypothetical_is_no_visit(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.modality == "asserted"]


@pytest.mark.parametrize(("text", "etype", "names"), [
    # the place a guest is welcomed to is no participant
    ("President Biden welcomed Prime Minister Bennett to Washington on Monday.", "CONSULT",
     {"Joe Biden", "Naftali Bennett"}),
    # a call with a list of leaders lists them all
    ("President Biden spoke today with President Emmanuel Macron of France and Chancellor "
     "Olaf Scholz of Germany.", "CONSULT", {"Joe Biden", "Emmanuel Macron", "Olaf Scholz"}),
    # looking forward to hosting is an announced meeting
    ("Secretary Blinken noted he looked forward to hosting Foreign Minister Badr Albusaidi in "
     "Washington soon.", "AGREE", {"Antony Blinken", "Badr Albusaidi"}),
    # "Police" is also a town in Poland: a generic group is never read as a place
    ("The protesters clashed with the police on Friday.", "ASSAULT", {"protesters", "police"}),
    # "both" as a subject after a reported contact is its participants
    ("Secretary Blinken spoke with Foreign Minister Ivo Ban of Syldavia. Both reaffirmed "
     "their support for Ukraine.", "SUPPORT", {"Antony Blinken", "Ivo Ban", "Ukraine"}),
    # what two sides agreed that a third must do makes it no party to the agreement
    ("Secretary Blinken and Foreign Minister Ivo Ban of Syldavia agreed that Iran must "
     "release the vessels.", "AGREE", {"Antony Blinken", "Ivo Ban"}),
    # the state opening the title of someone the kb does not know is their country
    ("Jake Sullivan spoke by phone today with Republic of Korea (ROK) National Security "
     "Advisor Kim Sung-han.", "CONSULT", {"Jake Sullivan", "Kim Sung-han"}),
    # praise of someone's deed is addressed to them, not to where it took place
    ("Secretary Blinken welcomed President Ivo Ban's visit to Japan.", "SUPPORT",
     {"Antony Blinken", "Ivo Ban"}),
    # a joint statement of support for one co-speaker's state is addressed to that state
    ("Secretary Blinken and Foreign Minister Yair Lapid emphasized America's unwavering "
     "support for Israel's security.", "SUPPORT", {"Antony Blinken", "Yair Lapid", "Israel"}),
    # "the sides" are this meeting's, not those of a background contact named between
    ("National Security Advisor Jake Sullivan met Syldavian Foreign Minister Ivo Ban. The "
     "meeting followed the recent discussions in Reykjavik between Secretary of State Blinken "
     "and Foreign Minister Lavrov. The sides agreed to stay in touch.", "AGREE",
     {"Jake Sullivan", "Ivo Ban"}),
    # "the Harlan family" is the family, not the relative named before
    ("Maria Harlan was detained in Minsk in 2020. Chancellor Olaf Scholz met with the Harlan "
     "family today.", "CONSULT", {"Olaf Scholz", "Harlan family"}),
])
def test_coder_participants_of_one_event(code_text, text, etype, names) -> None:
    assert {a.name for a in _one(code_text(text), etype).actors} == names


def test_coder_alliance_strengthened_is_not_mobilisation(code_text) -> None:
    events = code_text("President Biden and President Macron discussed our work to strengthen "
                       "and modernize NATO. President Biden affirmed his support for "
                       "strengthening our alliance.")
    assert not [e for e in events if e.type == "MOBILIZE"]
    troops = code_text("Russia deployed thousands of troops to the border with Ukraine.")
    assert _one(troops, "MOBILIZE").source.country == "RUS"


def test_coder_reported_subject_pronoun_and_modal_request(code_text) -> None:
    boycott = _one(code_text("Palestinian leaders said they would boycott all official contact "
                             "with the United States."), "THREATEN")
    assert (boycott.source.country, boycott.target.country) == ("PSE", "USA")
    must = _one(code_text("The Bush administration declared Tuesday that China must drop "
                          "barriers to U.S. exports."), "REQUEST")
    assert must.target is not None and must.target.country == "CHN"


@pytest.mark.parametrize("text", [
    "The minister told the ambassador that Moscow must expect a firm response.",
    "The senator said Tehran should know that the sanctions will stay.",
    "The chancellor said Beijing must understand the consequences of an invasion.",
])
def test_coder_what_one_must_expect_or_know_is_asked_of_no_one(code_text, text) -> None:
    # a warning of what is coming, not an act asked of the one told
    assert not [e for e in code_text(text) if e.type == "REQUEST"]


def test_coder_modal_request_of_an_act_stays(code_text) -> None:
    must = _one(code_text("The German minister said Beijing must stop its military drills."),
                "REQUEST")
    assert must.target is not None and must.target.country == "CHN"


def test_coder_recipient_on_object_noun(code_text) -> None:
    aid = _one(code_text("The United States is providing aerial photographs and other military "
                         "intelligence to Macedonia."), "AID")
    assert (aid.source.country, aid.target.country) == ("USA", "MKD")


def test_coder_cabinet_names_without_departments(code_text) -> None:
    events = code_text("Today, Secretary of Homeland Security Alejandro Mayorkas met with "
                       "Secretary of Commerce Gina Raimondo and Israeli Minister of Defense "
                       "Benjamin “Benny” Gantz.")
    names = {a.name for e in events for a in e.actors}
    assert {"Alejandro Mayorkas", "Gina Raimondo", "Benny Gantz"} <= names


@pytest.mark.parametrize(("text", "target"), [
    ("Secretary Blinken thanked Foreign Minister Kofod for Denmark’s support to Ukraine.",
     "Denmark"),
    ("Secretary Blinken thanked Foreign Minister Wopke Hoekstra for his country’s "
     "cooperation.",
     "Netherlands"),
    ("President Biden thanked President Duda for hosting refugees.", "Andrzej Duda"),
    ("Secretary Blinken congratulated Foreign Minister França on Brazil’s election to the "
     "United Nations Security Council.", "Brazil"),
])
def test_coder_thanks_credit_the_state_whose_deed_is_named(code_text, text, target) -> None:
    event = _one(code_text(text), "SUPPORT")
    assert event.target is not None and event.target.name == target


@pytest.mark.parametrize("text", [
    "Secretary Blinken spoke today with PRC State Councilor and Foreign Minister Wang Yi.",
    "National Security Advisor Jake Sullivan met today with Chinese Communist Party Politburo "
    "Member and Director of the Office of the Foreign Affairs Commission Yang Jiechi.",
])
def test_coder_title_words_before_a_name_are_no_participant(code_text, text) -> None:
    event = _one(code_text(text), "CONSULT")
    assert len(event.actors) == 2, [a.name for a in event.actors]


@pytest.mark.parametrize("text, modality", [
    ("Deputy Secretary Sherman spoke today with UK Minister of State for South Asia, East "
     "Africa and the Caribbean Tom Ashby.", "asserted"),
    ("Deputy Secretary Sherman did not speak with UK Minister of State for South Asia, East "
     "Africa and the Caribbean Tom Ashby.", "negated"),
])
def test_coder_title_with_a_long_portfolio_is_its_bearers(code_text, text, modality) -> None:
    """A long portfolio split at its commas and "and" leaves "UK Minister" apart from the
    name it leads to: one person, not the person and the state."""
    event = _one(code_text(text), "CONSULT")
    assert len(event.actors) == 2 and "GBR" not in {a.country for a in event.actors
                                                   if a.kind == "state"}, \
        [a.name for a in event.actors]
    assert event.modality == modality


def test_coder_title_with_a_long_portfolio_gives_its_state(code_text) -> None:
    """The bearer of a title split at its "and" is of the title's state, so that what the
    release says next of "the other side" is that state's ("Moldovan Minister of Foreign
    Affairs and European Integration X": X is Moldova's minister)."""
    events = code_text("Secretary of State Antony J. Blinken met with Moldovan Minister of "
                       "Foreign Affairs and European Integration Nicu Popescu today in "
                       "Washington, D.C. Secretary Blinken and Foreign Minister Popescu "
                       "commended the relaunch of the bilateral Strategic Dialogue. Since "
                       "February 24, the United States has committed more than $30 million in "
                       "humanitarian assistance to the response in Moldova.")
    met = _one(events, "CONSULT")
    bearer = next(a for a in met.actors if a.name == "Nicu Popescu")
    assert bearer.country == "MDA"
    aid = _one(events, "AID")
    assert aid.target is not None and aid.target.name == "Moldova"


def test_coder_statement_in_a_dated_call_takes_its_day_as_stated(code_text) -> None:
    events = code_text("Secretary Blinken spoke on Tuesday with Foreign Minister Dmytro Kuleba. "
                       "Secretary Blinken condemned Russia's attacks on Ukrainian cities.")
    event = _one(events, "ACCUSE")
    assert event.date == date(2022, 1, 11) and not event.date_inferred


def test_coder_condemned_deed_accuses_its_doer(code_text) -> None:
    event = _one(code_text("Secretary Blinken and Foreign Minister Wopke Hoekstra condemned the "
                           "atrocities committed by Russia in Bucha."), "ACCUSE")
    assert event.target is not None and event.target.name == "Russia"
    assert len(event.actors) == 3


def test_coder_stated_commitment_of_own_state_addresses_the_next_actor(code_text) -> None:
    event = _one(code_text("President Biden reaffirmed the commitment of the United States to "
                           "Ukraine’s sovereignty and territorial integrity."), "SUPPORT")
    assert event.target is not None and event.target.name == "Ukraine"


def test_coder_condemnation_of_a_deed_accuses_its_doer(code_text) -> None:
    event = _one(code_text("Foreign Secretary Marcelo Ebrard reaffirmed Mexico’s condemnation "
                           "of Russia’s actions."), "ACCUSE")
    assert event.target is not None and event.target.name == "Russia"


def test_coder_generic_groups_are_actors(code_text) -> None:
    # GUIDELINES 4: generic groups keep a short descriptive name; a state's people may face
    # its own forces
    events = code_text("Iranian protesters clashed with Iranian security forces on Friday. "
                       "Police arrested 71 demonstrators.")
    clash = _one(events, "ASSAULT")
    assert clash.source is not None and clash.source.name == "Iranian protesters"
    assert clash.target is not None and clash.target.name == "Iran"
    arrest = _one(events, "COERCE")
    assert arrest.source is not None and arrest.source.name == "police"
    assert arrest.target is not None and arrest.target.name == "demonstrators"


def test_coder_interview_with_the_press_is_no_contact(code_text) -> None:
    assert not [e for e in code_text("Speaking to BBC Sport, Karsten Warholm said the race "
                                     "was tough. Amar Patel spoke to Wikinews in August.")
                if e.type == "CONSULT"]


def test_coder_historical_background_is_not_coded(code_text) -> None:
    # GUIDELINES 1: background years before the story is not an event of it
    events = code_text("In 1979, revolutionaries took control of Iran and captured the U.S. "
                       "embassy. On Monday, Iran seized a British tanker.")
    assert [(e.type, e.date) for e in events if e.type == "COERCE"] == [
        ("COERCE", date(2022, 1, 10))]


@pytest.mark.parametrize("text", [
    "Prime Minister Naftali Bennett held a video call today with Russian President Vladimir "
    "Putin.",
    "Prime Minister Naftali Bennett gave a readout of his call with Russian President "
    "Vladimir Putin.",
])
def test_coder_call_noun_with_partner_is_a_phone_contact(code_text, text) -> None:
    event = _one(code_text(text), "CONSULT")
    assert event.mode == "phone"
    assert {a.name for a in event.actors} == {"Naftali Bennett", "Vladimir Putin"}
    assert not [e for e in code_text(text) if e.type == "REQUEST"]


def test_coder_call_for_something_is_no_contact(code_text) -> None:
    events = code_text("Israel renewed its call for a ceasefire with Hamas in Gaza.")
    assert not [e for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize("text", [
    "Prime Minister Naftali Bennett confirmed unwavering Israeli support for Ukraine.",
    "Prime Minister Naftali Bennett underscored the close partnership between the two "
    "countries, and Israel's unwavering support for Ukraine.",
])
def test_coder_support_misparsed_under_its_verb_is_stated(code_text, text) -> None:
    event = _one(code_text(text), "SUPPORT")
    assert event.target is not None and event.target.country == "UKR"


def test_coder_praise_as_the_aim_of_a_call_is_coded(code_text) -> None:
    events = code_text("Prime Minister Naftali Bennett spoke today with Russian President "
                       "Vladimir Putin to congratulate him on his birthday.")
    _one(events, "CONSULT")
    praise = _one(events, "SUPPORT")
    assert praise.source is not None and praise.source.name == "Naftali Bennett"
    assert praise.target is not None and praise.target.name == "Vladimir Putin"
    assert praise.modality == "asserted"


def test_coder_praise_of_a_deed_by_named_agents_is_addressed_to_them(code_text) -> None:
    # "the applications by Finland and Sweden": the agents of the deed welcomed are the
    # praised, not the other side of the call
    events = code_text("Secretary of State Antony J. Blinken spoke today with Japanese "
                       "Foreign Minister Yoshimasa Hayashi. The Secretary welcomed the "
                       "requests by Finland and Sweden for NATO membership.")
    praise = _one(events, "SUPPORT")
    assert {a.name for a in praise.actors} == {"Antony Blinken", "Finland", "Sweden"}


def test_coder_pledged_support_is_for_whom_its_aim_names(code_text) -> None:
    # "support to meet Moldova's needs": no recipient after "to/for", the aim names it
    events = code_text("Secretary of State Antony J. Blinken spoke today with Japanese "
                       "Foreign Minister Yoshimasa Hayashi. The two ministers pledged "
                       "continued support to meet Moldova's humanitarian needs.")
    pledge = _one(events, "AGREE")
    assert {a.name for a in pledge.actors} == {"Antony Blinken", "Yoshimasa Hayashi",
                                               "Moldova"}


@pytest.mark.parametrize("aim", ["to counter Russia's disinformation",
                                 "to defeat Russia's aggression", "to fight the Houthis"])
def test_coder_support_aimed_against_someone_is_not_for_them(code_text, aim) -> None:
    events = code_text("Secretary of State Antony J. Blinken spoke today with Japanese "
                       f"Foreign Minister Yoshimasa Hayashi. The two ministers pledged "
                       f"continued support {aim}.")
    assert not [e for e in events if e.type == "AGREE" and len(e.actors) > 2]


def test_coder_other_aims_of_a_call_are_not_coded(code_text) -> None:
    events = code_text("Prime Minister Naftali Bennett spoke today with Russian President "
                       "Vladimir Putin to condemn Syria's shelling of Idlib.")
    assert not [e for e in events if e.type == "ACCUSE"]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Japan called for Russia's immediate withdrawal from Ukraine.", "JPN", "RUS"),
    ("France called upon Iran to release the detained sailors.", "FRA", "IRN"),
])
def test_coder_call_for_names_its_addressee(code_text, text, source, target) -> None:
    event = _one(code_text(text), "REQUEST")
    assert event.source is not None and event.source.country == source
    assert event.target is not None and event.target.country == target


def test_coder_named_visit_to_a_state_is_a_contact_with_it(code_text) -> None:
    event = _one(code_text("Prime Minister Naftali Bennett's visit to Russia on Saturday drew "
                           "criticism."), "CONSULT")
    assert event.mode == "visit"
    assert {a.name for a in event.actors} == {"Naftali Bennett", "Russia"}


@pytest.mark.parametrize("text", [
    "The Secretary encouraged direct talks between Serbia and Kosovo.",
    "The envoy urged negotiations between Ethiopia and Eritrea.",
])
def test_coder_talks_urged_are_not_held(code_text, text) -> None:
    # what a verb of urging takes as its object is asked for, not done (GUIDELINES 1)
    assert not [e for e in code_text(text) if e.type == "CONSULT" and e.modality == "asserted"]


def test_coder_a_deed_in_the_phrase_of_what_is_urged_was_done(code_text) -> None:
    # "urged an investigation into the attack": the investigation is asked for, the
    # attack happened
    attack = _one(code_text("The minister urged an investigation into the Russian missile "
                            "attack on Kyiv."), "ASSAULT")
    assert attack.modality == "asserted"


def test_coder_talks_welcomed_as_held_stay(code_text) -> None:
    # the near-miss: a verb that is no urging leaves the talks as told
    event = _one(code_text("The Secretary welcomed the talks between Serbia and Kosovo held "
                           "in Brussels on Monday."), "CONSULT")
    assert event.modality == "asserted"
    assert {a.name for a in event.actors} == {"Serbia", "Kosovo"}


@pytest.mark.parametrize(("text", "sides"), [
    ("The ministers praised the visit of President Emmanuel Macron to Algeria.",
     {"Emmanuel Macron", "Algeria"}),
    ("They lauded the recent visit of Chancellor Olaf Scholz to Japan.",
     {"Olaf Scholz", "Japan"}),
    ("This tour follows President Joe Biden's travel to Japan last month.",
     {"Joe Biden", "Japan"}),
])
def test_coder_visit_of_a_named_visitor_is_a_contact(code_text, text, sides) -> None:
    # the "of" phrase of a visit names the visitor, the "to" phrase the host
    event = _one(code_text(text), "CONSULT")
    assert event.mode == "visit" and event.modality == "asserted"
    assert {a.name for a in event.actors} == sides


@pytest.mark.parametrize("text", [
    "The minister attended a meeting of the Security Council on Monday.",
    "The government lifted the travel ban on foreign nationals.",
    "President Joe Biden will not travel to Japan next month.",
])
def test_coder_contact_noun_with_no_visitor_or_host_is_no_visit(code_text, text) -> None:
    # a body's session names no one met; a travel ban, or a trip not made, is no visit
    assert not [e for e in code_text(text) if e.type == "CONSULT" and e.mode == "visit"
                and e.modality == "asserted"]


def test_coder_contact_noun_owned_by_the_sides_is_no_party_of_their_call(coder) -> None:
    """"their respective conversations with Putin and Zelenskyy" are each leader's own
    contacts, never those named added to the call reported."""
    events = coder.code(Article(
        url="https://www.whitehouse.gov/x/", title="", origin="test", id="a_test",
        published=date(2022, 1, 14),
        text="President Biden spoke with Chancellor Olaf Scholz. The leaders discussed their "
             "respective conversations with President Putin and President Zelenskyy."))
    pairs = [{a.name for a in e.actors} for e in events if e.type == "CONSULT"]
    assert pairs[0] == {"Joe Biden", "Olaf Scholz"}
    assert all(len(p) == 2 for p in pairs) and len(pairs) == 5


def test_coder_quantified_group_after_a_named_addressee_is_one_too(code_text) -> None:
    # the model conjoins "all" with "the security", not with "Poland"
    support = _one(code_text("President Biden underscored the United States' commitment to "
                             "the security of Poland and all of our NATO Allies."), "SUPPORT")
    names = [a.name for a in support.actors]
    assert "Poland" in names and any("NATO" in n for n in names)


@pytest.mark.parametrize(("text", "source", "arrested"), [
    ("Anna Kovac was arrested in Tbilisi, Georgia on Wednesday.", "GEO", "Anna Kovac"),
    ("Anna Kovac was arrested on Wednesday for a call to the office of Ivo Ban.", None,
     "Anna Kovac"),
])
def test_coder_agentless_passive_arrest(code_text, text, source, arrested) -> None:
    """An arrest in the passive with no "by" phrase was made by the state where it
    happened; with no place named, the one arrested alone is the event."""
    event = _one(code_text(text), "COERCE")
    assert event.mode == "arrest" and event.target is not None
    assert event.target.name == arrested
    assert (event.source.country if event.source else None) == source
    assert [a.name for a in event.actors if a.kind == "person"] == [arrested]


def test_coder_protest_in_a_relative_clause(code_text) -> None:
    """"the fifth day that Iranians protested": the relative "that" is no object of the
    protest (a protest with an object is a complaint), and a people's crowd with no one else
    named protests against its own state."""
    event = _one(code_text("Monday was the fifth day in a row that thousands of Iranians "
                           "protested."), "PROTEST")
    assert event.mode == "demo"
    assert event.source is not None and event.source.name == "Iranian protesters"
    assert event.target is not None and event.target.country == "IRN"


@pytest.mark.parametrize(("text", "killed"), [
    ("The sanctions followed Iran's killing of journalist Marko Novak last week.", True),
    ("The assassination of journalist Marko Novak shocked the region.", False),
    ("Journalist Marko Novak's killing shocked the region.", False),
])
def test_coder_killing_named_with_its_doer(code_text, text, killed) -> None:
    """A killing named with its doer and its victim is an attack ("the United States'
    killing of X"); one naming its victim alone names no attacker (two_party_types)."""
    attacks = [e for e in code_text(text) if e.rule == "assault.killing_bare"]
    assert bool(attacks) == killed
    if killed:
        assert attacks[0].target is not None and attacks[0].target.name == "Marko Novak"
        assert attacks[0].source is not None and attacks[0].source.country == "IRN"


@pytest.mark.parametrize(("text", "crowd", "state"), [
    ("Thousands demonstrated in Basra on Friday.", "Iraqi protesters", "IRQ"),
    ("Thousands marched in Tehran on Monday.", "Iranian protesters", "IRN"),
    # the ground a march covers is where it happens, like "in"
    ("Thousands of protesters marched through central Tehran on Sunday.",
     "Iranian protesters", "IRN"),
    ("Crowds rallied across Iraq on Friday.", "Iraqi protesters", "IRQ"),
])
def test_coder_protesters_of_the_place(code_text, text, crowd, state) -> None:
    """Unnamed protesters are the people of the place where they protest, named as the
    training labels name them ("Iraqi protesters"), against their state."""
    event = _one(code_text(text), "PROTEST")
    assert event.mode == "demo"
    assert event.source is not None and event.source.name == crowd
    assert event.target is not None and event.target.country == state


@pytest.mark.parametrize(("text", "source"), [
    # a word of the force's kind is no name, though tagged one at the sentence's start
    ("Riot police used water cannon against students in Marseille on Tuesday.",
     "French police"),
    # a force, like a crowd, is named by the place it acts in, not read as that place
    ("Police in Marseille fired tear gas at students on Tuesday.", "French police"),
])
def test_coder_unnamed_force_of_the_place(code_text, text, source) -> None:
    """An unnamed police force is its place's ("French police", GUIDELINES 4), never the
    place nor its kind word; security forces are the state."""
    event = _one(code_text(text), "ASSAULT")
    assert event.source is not None and event.source.name == source


def test_coder_crowd_in_a_city_is_its_peoples(code_text) -> None:
    """"Crowds of students in Marseille marched": the crowd of that place's people, not
    the city."""
    event = _one(code_text("Thousands of protesters in Marseille marched against the plan "
                           "on Tuesday."), "PROTEST")
    assert event.source is not None and event.source.name == "French protesters"


@pytest.mark.parametrize("text", [
    "Police in Marseille did not fire tear gas at students on Tuesday.",
    "Police in Marseille may fire tear gas at students on Tuesday.",
])
def test_coder_unnamed_force_not_asserted(code_text, text) -> None:
    """A placed force's act denied or only possible stays so."""
    assert not [e for e in code_text(text)
                if e.type == "ASSAULT" and e.modality == "asserted"]


@pytest.mark.parametrize(("text", "etype", "state"), [
    # the place of the act names the force's state
    ("Security forces fired tear gas at students in Marseille on Tuesday.", "ASSAULT", "FRA"),
    ("Soldiers opened fire on demonstrators in Lyon on Tuesday.", "ASSAULT", "FRA"),
    ("The military opened fire on protesters in Yangon on Monday.", "ASSAULT", "MMR"),
    # and so does a place named with the force itself
    ("Troops in Marseille shot at students on Tuesday.", "ASSAULT", "FRA"),
    ("Security forces in Lyon detained opposition leader Marc Dubois on Tuesday.", "COERCE",
     "FRA"),
])
def test_coder_bare_force_is_the_state_where_it_acts(code_text, text, etype, state) -> None:
    """A state's force named bare is that place's state (GUIDELINES 4: "security forces in
    Baghdad" are Iraq), not a group of no one."""
    event = _one(code_text(text), etype)
    assert event.source is not None and event.source.country == state
    assert event.source.kind == "state"


@pytest.mark.parametrize(("text", "state"), [
    # a force of another state stays that state's
    ("Russian troops in Kherson shelled Mykolaiv on Monday.", "RUS"),
    ("German soldiers opened fire on protesters in Lyon on Tuesday.", "DEU"),
])
def test_coder_named_force_keeps_its_state(code_text, text, state) -> None:
    """A force named with its state is that state's wherever it acts."""
    event = _one(code_text(text), "ASSAULT")
    assert event.source is not None and event.source.country == state


@pytest.mark.parametrize("text", [
    # no place, or two states: the state is never guessed
    "Security forces fired tear gas at students on Tuesday.",
    "Soldiers shot at protesters in Lyon and Geneva on Tuesday.",
    # a force of no state named, or of a body
    "Foreign troops shot at protesters in Lyon on Tuesday.",
    "UN peacekeepers fired at protesters in Lyon on Tuesday.",
    # denied or future
    "Security forces did not fire tear gas at students in Marseille on Tuesday.",
    "Security forces will fire tear gas at students in Marseille.",
])
def test_coder_bare_force_not_placed(code_text, text) -> None:
    """A bare force takes no state when no single place's state is named, and keeps its
    act's modality."""
    assert not [e for e in code_text(text) if e.type == "ASSAULT"
                and e.modality == "asserted" and e.source is not None
                and e.source.country == "FRA"]


def test_coder_bare_force_sent_is_no_one(code_text) -> None:
    """Troops sent or contributed are what is given, not an actor that would take the
    promise's addressee's place."""
    event = _one(code_text("Belgium is ready to send 2,000 troops to Mali, the Belgian defence "
                           "minister said on Monday."), "AGREE")
    assert event.target is not None and event.target.country == "MLI"


def test_coder_bare_force_not_placed_by_speech(code_text) -> None:
    """Where a report is given is not where the act it tells of took place."""
    events = code_text("Police said in Lyon that soldiers had arrested Marc Dubois.")
    assert not [e for e in events if e.type == "COERCE" and e.source is not None
                and e.source.country == "FRA"]


def test_coder_bare_force_as_victim_is_no_attacker(code_text) -> None:
    """Soldiers killed in a place are its victims: the place's state attacks no one."""
    events = code_text("Three soldiers were killed in Lyon on Tuesday.")
    assert not [e for e in events if e.type == "ASSAULT" and e.source is not None
                and e.source.country == "FRA"]


@pytest.mark.parametrize("text", [
    "Police arrested a 57-year-old man on Tuesday.",
    "On Friday, Indian officials in Kerala arrested a man in connection with the death.",
])
def test_coder_coercion_needs_the_coerced(code_text, text) -> None:
    """An arrest whose agent alone is named tells nothing of whom it coerced (1 of the 81
    coercions of the labels has its agent alone): it is not coded."""
    assert not [e for e in code_text(text) if e.type == "COERCE"]


@pytest.mark.parametrize(("text", "etype", "other"), [
    ("Anna Kovac pleaded not guilty on Tuesday to seven counts.", "REJECT", "CONCEDE"),
    ("Anna Kovac pleaded guilty on Tuesday to seven counts.", "CONCEDE", "REJECT"),
])
def test_coder_pleas(code_text, text, etype, other) -> None:
    """A plea of guilty admits the charge; a plea of not guilty denies it."""
    events = code_text(text)
    assert _one(events, etype).source.name == "Anna Kovac"
    assert not [e for e in events if e.type == other]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Governor Ann Lee did not accede to the protesters' demands on Tuesday.", "Ann Lee",
     "protesters"),
    ("Iran did not accept France's proposal on Tuesday.", "Iran", "France"),
    ("Prime Minister Ann Lee has yet to concede the election to Ben Smith.", "Ann Lee",
     "Ben Smith"),
    ("Iran has not heeded France's calls to stop enrichment.", "Iran", "France"),
])
def test_coder_negated_giving_in_is_a_refusal(code_text, text, source, target) -> None:
    """Not giving in to someone ("did not accede to their demands", "has yet to concede")
    refuses them: a REJECT made, not a denied concession (GUIDELINES 5)."""
    events = code_text(text)
    event = _one(events, "REJECT")
    assert event.modality == "asserted"
    assert event.source.name == source and event.target.name == target
    assert not [e for e in events if e.type in ("CONCEDE", "AGREE")]


@pytest.mark.parametrize("text", [
    "Governor Ann Lee acceded to the protesters' demands on Tuesday.",
    "If Ann Lee does not concede to Ben Smith, the court will rule.",
    "Ann Lee may not concede to Ben Smith.",
    "Ann Lee would not accept France's proposal.",
    "If Iran does not heed France's calls, talks will end.",
])
def test_coder_giving_in_or_a_possible_refusal_is_no_reject(code_text, text) -> None:
    """Giving in is no refusal, and a negation under a condition or a modal is what may
    be ("if he does not concede"), not a refusal made."""
    assert not [e for e in code_text(text) if e.type == "REJECT"]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Italian government turned down a Spanish offer of talks on Monday.", "Italy", "Spain"),
    ("Spain asked France to extradite the banker, and France turned down the request.",
     "France", "Spain"),
])
def test_coder_turning_down_is_a_refusal(code_text, text, source, target) -> None:
    """"turned down the offer": a refusal by phrasal verb, addressed to whose offer or
    request it answers (GUIDELINES 5: REJECT)."""
    event = _one(code_text(text), "REJECT")
    assert event.modality == "asserted"
    assert event.source.name == source and event.target.name == target


@pytest.mark.parametrize("text", [
    "Germany did not turn down the Polish offer.",
    "Poland will turn down the proposal.",
    "Italy turned to France for help on Monday.",
])
def test_coder_turning_down_negated_future_or_without_particle_is_no_refusal(
        code_text, text) -> None:
    """A negated or future "turn down" is no refusal made, and "turned to" none at all."""
    assert not [e for e in code_text(text) if e.type == "REJECT" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "President Ann Lee met Prime Minister Ben Smith today. Let me yield the floor to you, "
    "Prime Minister.",
    "The joint programme with Italy has yielded several success stories.",
    "Talks between Ann Lee and Ben Smith yielded real benefits for both sides.",
])
def test_coder_floor_or_results_yielded_are_no_concession(code_text, text) -> None:
    """The floor yielded is a speaker's courtesy, and results yielded are produced: no one
    gives in to anyone (GUIDELINES 5: CONCEDE is admissions and concessions)."""
    assert not [e for e in code_text(text) if e.type == "CONCEDE"]


def test_coder_election_conceded_to_a_rival_is_a_concession(code_text) -> None:
    """A concession still counts beside the excluded objects of "yield"."""
    event = _one(code_text("Ann Lee conceded the election to Ben Smith on Monday."), "CONCEDE")
    assert event.source.name == "Ann Lee" and event.target.name == "Ben Smith"


def test_coder_refusal_in_a_relative_clause_answers_its_noun(code_text) -> None:
    """"accused of X, which he denied": the denial answers the accusation, it is no part of
    its content."""
    events = code_text("Ben Smith accused Mayor Ann Lee of fraud on Monday. Lee was later "
                       "accused of taking bribes, which she denied.")
    event = _one(events, "REJECT")
    assert event.source.name == "Ann Lee" and event.target.name == "Ben Smith"


def test_coder_refused_suit_is_addressed_to_who_filed_it(code_text) -> None:
    """A plan or suit refused is refused to who made it, named as its "by" agent."""
    event = _one(code_text("On Monday Iran rejected the plan submitted by France."), "REJECT")
    assert event.target is not None and event.target.country == "FRA"


def test_coder_refusal_of_an_unnamed_body_answering_no_one_is_dropped(code_text) -> None:
    """"The Church denied these allegations" with no accuser and no body known by that name
    says neither who refused nor what; a state's denial stands."""
    assert not [e for e in code_text("The Church denied these allegations on Monday.")
                if e.type == "REJECT"]
    assert _one(code_text("Russia denied the allegations on Monday."), "REJECT")


def test_coder_body_told_by_its_head_noun_answers_its_accuser(code_text) -> None:
    """"the Church" after "the Church of Arcadia" is that body: its denial answers the one
    who accused it, and it is the refuser under its full name."""
    events = code_text("Ann Lee accused the Church of Arcadia of imprisoning her. "
                       "The Church denied these allegations on Monday.")
    event = _one(events, "REJECT")
    assert event.source.name == "Church of Arcadia" and event.target.name == "Ann Lee"


@pytest.mark.parametrize("text", [
    "Ben Smith was later accused of taking bribes, which he denied.",
    "Russia rejected the ceasefire proposal on Monday.",
    "Russia denied the allegations on Monday.",
])
def test_coder_refusal_of_a_charge_or_proposal_told_stays(code_text, text) -> None:
    """Near miss: with no one named, a denial of a charge or a refusal of a proposal its
    sentence tells still answers someone: it stays."""
    assert _one(code_text(text), "REJECT").modality == "asserted"


def test_coder_body_head_noun_of_another_name_is_no_answer(code_text) -> None:
    """Near miss: a head noun that is no word of the accused's name ("the Ministry" after
    "the Church of Arcadia") answers no one and is dropped as before."""
    events = code_text("Ann Lee accused the Church of Arcadia of imprisoning her. "
                       "The Ministry denied these allegations on Monday.")
    assert not [e for e in events if e.type == "REJECT"]


@pytest.mark.parametrize("text", [
    "John Smith admitted his guilt in three murders on Tuesday.",
    "John Smith confessed to killing his neighbour.",
    "The gunman John Smith surrendered himself to police on Sunday.",
])
def test_coder_admissions_concede(code_text, text) -> None:
    """Admitting guilt, confessing and giving oneself up concede (GUIDELINES 5), and giving
    oneself up is no disarming."""
    events = code_text(text)
    assert _one(events, "CONCEDE").source.name == "John Smith"
    assert not [e for e in events if e.type == "RETREAT"]


def test_coder_admitted_to_hospital_is_no_admission(code_text) -> None:
    """"was admitted to hospital" admits no guilt."""
    assert not [e for e in code_text("John Smith was admitted to hospital.")
                if e.type == "CONCEDE"]


def test_coder_lashing_out_accuses(code_text) -> None:
    """"lashed out at X" criticises X."""
    event = _one(code_text("President Trump lashed out at Mayor Muriel Bowser on Twitter."),
                 "ACCUSE")
    assert (event.source.name, event.target.name) == ("Donald Trump", "Muriel Bowser")


@pytest.mark.parametrize("text", [
    'Senator John Cornyn issued a statement on Monday. "Like many Texans, I am disappointed '
    "with NASA's decision.\"",
    '"I condemn the decision of NASA," said Senator John Cornyn.',
    'Senator John Cornyn said: "We waited for years. I condemn the decision of NASA."',
])
def test_coder_first_person_of_a_quotation_is_its_speaker(code_text, text) -> None:
    """In a news article "I" inside a quotation is whoever the article says spoke it: in
    the same sentence, in the quotation's earlier sentences, or in the sentence before."""
    event = _one(code_text(text), "ACCUSE")
    assert (event.source.name, event.target.name) == ("John Cornyn", "NASA")


def test_coder_first_person_outside_a_quotation_is_nobody_quoted(code_text) -> None:
    """"I" outside quotation marks is not the last person quoted."""
    events = code_text("Senator John Cornyn said on Monday that the vote was close. "
                       "I condemn the decision of NASA.")
    assert not [e for e in events if e.type == "ACCUSE"]


@pytest.mark.parametrize(("text", "source", "target"), [
    ('"Jeremy Corbyn wants to cancel the referendum and destroy our economy," Prime Minister '
     "Boris Johnson told the public.", "Boris Johnson", "Jeremy Corbyn"),
    ("Senator Ted Cruz said that Vladimir Putin has abused his power and ignored the will of "
     "the Russian people.", "Ted Cruz", "Vladimir Putin"),
    ("Senator Ted Cruz said that members of NATO have abused their power and ignored the "
     "will of the people.", "Ted Cruz", "NATO"),
])
def test_coder_hostile_words_said_of_someone_accuse_them(code_text, text, source,
                                                          target) -> None:
    """A clause a person says that speaks ill of its subject (VADER valence at most -0.5)
    is the speaker's criticism of the subject, whatever verb it has."""
    event = _one(code_text(text), "ACCUSE")
    assert (event.source.name, event.target.name) == (source, target)
    assert event.rule == "accuse.quoted" and event.modality == "asserted"


@pytest.mark.parametrize("text", [
    # the subject undergoes what is said
    'Brett McGurk later wrote, "The SDF suffered thousands of casualties in the battle."',
    # the subject is a deed, whose possessor may be its doer or its victim ("Nabil's murder")
    "Senator Ted Cruz said that Vladimir Putin's war is a terrible disaster.",
    # warm words blame no one
    "Senator Ted Cruz said that Vladimir Putin has kept his word and respected the people.",
])
def test_coder_words_said_that_blame_no_one(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.rule == "accuse.quoted"]


@pytest.mark.parametrize(("text", "source"), [
    ("Turkey was condemned in a joint statement by Greece and Egypt.", "GRC"),
    ("Turkey was criticised in a letter from France on Monday.", "FRA"),
    ("Turkey is already under sanctions, and was condemned by Greece.", "GRC"),
])
def test_coder_passive_statement_agents(code_text, text, source) -> None:
    """A passive condemnation names its accuser in the statement it was made in ("in a
    joint statement by Greece"), and a passive conjunct its accused in the first verb's
    subject ("Turkey is ... and was condemned")."""
    event = _one(code_text(text), "ACCUSE")
    assert (event.source.country, event.target.country) == (source, "TUR")


@pytest.mark.parametrize(("text", "etype", "sources", "target"), [
    ("A statement from Brazil accused Argentina of violating the treaty.", "ACCUSE", {"BRA"},
     "ARG"),
    ("A joint statement by Spain and Portugal condemned the missile test by Iran.", "ACCUSE",
     {"ESP", "PRT"}, "IRN"),
    ("Canada's statement praised Mexico for its leadership.", "SUPPORT", {"CAN"}, "MEX"),
    ("A communique issued by Kenya urged Ethiopia to end the fighting.", "REQUEST", {"KEN"},
     "ETH"),
    ("A statement, released by Norway, that condemned Syria circulated widely.", "ACCUSE",
     {"NOR"}, "SYR"),
    # what the statement says: a warning to pay, a demand with "must"
    ("A statement from Brazil said that Argentina will pay a high price.", "THREATEN", {"BRA"},
     "ARG"),
    ("A readout from Chile said Peru must release the fishermen.", "REQUEST", {"CHL"}, "PER"),
])
def test_coder_statement_speaks_for_its_owners(code_text, text, etype, sources, target) -> None:
    """A statement as the subject of what it says stands for whoever made it: its
    possessor, its "by"/"from" phrase, the agent of "issued by"; a joint one for every
    co-signer (GUIDELINES 4)."""
    event = _one(code_text(text), etype)
    assert event.source.country in sources and event.target.country == target
    assert sources <= _countries(event.actors)
    assert event.modality == "asserted"


@pytest.mark.parametrize(("text", "modality"), [
    ("A statement from Brazil did not accuse Argentina of violating the treaty.", "negated"),
    ("A statement from Brazil will urge Argentina to respect the treaty.", "future"),
])
def test_coder_statement_owner_keeps_modality(code_text, text, modality) -> None:
    assert {e.modality for e in code_text(text) if e.type in ("ACCUSE", "REQUEST")} == {modality}


def test_coder_statement_condemned_accuses_its_owner(code_text) -> None:
    """"The statement by X was condemned by Y": Y accuses X, not the other way round."""
    event = _one(code_text("The statement by Brazil was condemned by Argentina."), "ACCUSE")
    assert (event.source.country, event.target.country) == ("ARG", "BRA")


def test_coder_statement_with_no_owner_names_no_one(code_text) -> None:
    assert not code_text("A statement condemned the missile test by Iran.")


def test_coder_statement_named_back_is_its_issuers(code_text) -> None:
    """"The statement" with no owner of its own is the one a recent sentence said someone
    issued; an indefinite "a statement" is no one's."""
    event = _one(code_text("The Brazilian foreign ministry issued a statement on Monday. The "
                           "statement urged Argentina to respect the treaty."), "REQUEST")
    assert (event.source.country, event.target.country) == ("BRA", "ARG")
    events = code_text("The Brazilian foreign ministry issued a statement on Monday. A "
                       "statement urged Argentina to respect the treaty.")
    assert not [e for e in events if e.type == "REQUEST"]


def test_coder_calling_someone_a_name_is_no_call(code_text) -> None:
    """"called Biden a decent man" names him; it is no phone call."""
    events = code_text('Bernie Sanders called Joe Biden a "decent man" on Wednesday.')
    assert not [e for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize("text", [
    "The National Transportation Safety Board and the Federal Aviation Administration began "
    "investigations of the crash.",
    "Collin Peterson and Jeff Van Drew opposed both articles of impeachment.",
])
def test_coder_two_agents_are_no_accused(code_text, text) -> None:
    """Blame or investigation by two agents with no one blamed names no second party."""
    assert not [e for e in code_text(text) if e.type == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "Joe Biden thanked Elizabeth Warren on Twitter.",
    "Nikki Haley wrote on Twitter that Turkey must stop the offensive.",
])
def test_coder_platform_is_no_addressee(code_text, text) -> None:
    """"on Twitter" is where a statement is made, not whom it is addressed to."""
    for event in code_text(text):
        assert "Twitter" not in {a.name for a in event.actors}, event.type


@pytest.mark.parametrize(("text", "asker"), [
    ("Russia accused Ukraine of shelling the border town on Monday. Ukraine denied the "
     "accusation on Tuesday.", "Russia"),
    ("Antony Blinken urged Sergei Lavrov to release the prisoners. Lavrov refused on Tuesday.",
     "Antony Blinken"),
])
def test_coder_refusal_answers_the_latest_demand(code_text, text, asker) -> None:
    """A denial or refusal with no one named rejects the latest accusation or demand the
    article reported against the one who refuses (GUIDELINES 7, example 11)."""
    event = _one(code_text(text), "REJECT")
    assert event.target is not None and event.target.name == asker


@pytest.mark.parametrize(("text", "asker"), [
    ("Peru and Chile have endorsed multiple UN calls for ceasefires. The Taliban have rejected "
     "these calls.", "United Nations"),
    ("Russia's allegations were published on Monday. The Ukrainian government denied the "
     "allegations.", "Russia"),
    ("The demands by the European Union arrived on Monday. Hungary refused the demands.",
     "European Union"),
])
def test_coder_refusal_of_a_claim_named_back_answers_its_owner(code_text, text, asker) -> None:
    """"these calls", "the allegations" with no owner of their own are the ones the article
    told with their owner: the refusal answers that one."""
    event = _one(code_text(text), "REJECT")
    assert event.target is not None and event.target.name == asker


@pytest.mark.parametrize("text", [
    # a rumour no one is told spreading is answered to no one
    "The rumour spread quickly on Monday. The Taliban denied the rumour.",
    # a phrase of its own names other calls than the ones told before
    "Peru and Chile have endorsed multiple UN calls for ceasefires. Chile rejected the calls "
    "for talks with Bolivia.",
    # a claim told long before is no longer what "the claims" points back at
    "Russia's claims were published on Monday. The talks went on. The talks ended. The "
    "ministers left. Ukraine denied the claims.",
])
def test_coder_refusal_of_a_claim_with_no_owner_told_answers_no_owner(code_text, text) -> None:
    """With no owner told for the noun, or its own phrase, the refusal is not addressed to
    the earlier claim's owner."""
    for event in code_text(text):
        if event.type == "REJECT":
            assert event.target is None or event.target.name not in ("United Nations",
                                                                      "Russia"), event


def test_coder_negated_refusal_of_a_claim_named_back_stays_negated(code_text) -> None:
    """Addressing a refusal does not change its modality: "did not reject these calls"."""
    events = code_text("Peru and Chile have endorsed multiple UN calls for ceasefires. The "
                       "Taliban did not reject these calls.")
    assert all(e.modality == "negated" for e in events if e.type == "REJECT")


def test_coder_incident_steps_share_its_date(code_text) -> None:
    """An undated clash or arrest that shares a participant with the incident the story
    dated is a later step of it, dated with it (the training labels' practice)."""
    events = code_text("On Friday, police arrested Usman Khan in London. Police later shot "
                       "Khan dead.", published=date(2022, 1, 17))
    assert _one(events, "ASSAULT").date == date(2022, 1, 14)


def test_coder_incident_step_names_its_crowd_back_by_kind(code_text) -> None:
    """"The protesters" of a later step are the protesters the story dated before, named
    back by their kind alone: the clash is dated with the protest."""
    events = code_text("Hundreds of Chileans protested in Santiago on Tuesday against the fuel "
                       "tax. The protesters clashed with police near the presidential palace.")
    assert _one(events, "ASSAULT").date == date(2022, 1, 11)


@pytest.mark.parametrize("text", [
    "The Secretary condemned the atrocities committed by Russia in Bucha and elsewhere in "
    "Ukraine.",
    "The Secretary condemned the reported atrocities by President Putin’s forces in Bucha and "
    "across Ukraine.",
])
def test_coder_atrocities_are_attacks(code_text, text) -> None:
    """Atrocities named with their doer are an attack on the state where they happened
    (the place a parser hangs on the doer is the deed's)."""
    event = _one(code_text(text), "ASSAULT")
    assert (event.source.name, event.target.name) == ("Russia", "Ukraine")


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The United States was disappointed by Iraq's decision.", "USA", "IRQ"),
    ("Japan is deeply concerned over the provocation by North Korea.", "JPN", "PRK"),
    ("France was critical of Russia's decision.", "FRA", "RUS"),
])
def test_coder_state_of_mind_blames_its_cause(code_text, text, source, target) -> None:
    event = _one(code_text(text), "ACCUSE")
    assert event.source is not None and event.source.country == source
    assert event.target is not None and event.target.country == target


def test_coder_no_state_of_mind_without_a_copula(code_text) -> None:
    events = code_text("Concerned citizens of France wrote to Russia.")
    assert not [e for e in events if e.type == "ACCUSE"]


def test_coder_attacking_a_decision_is_criticism(code_text) -> None:
    events = code_text("Russia attacked Ukraine's right to exist.")
    assert [e.type for e in events] == ["ACCUSE"]


def test_coder_targeting_officials_is_a_sanction(code_text) -> None:
    events = code_text("The United States is targeting Russian officials and their banks.")
    assert [e.type for e in events] == ["SANCTION"]


def test_coder_charges_are_allegations(code_text) -> None:
    event = _one(code_text("French prosecutors charged Carlos Ghosn with fraud."), "ACCUSE")
    assert event.mode == "allege"


def test_coder_joint_statement_has_all_its_speakers(coder) -> None:
    # the small model parses "The Secretary and Foreign Minister" as a modifier of the name
    text = ("Secretary Blinken spoke with Foreign Minister Hayashi Yoshimasa of Japan. "
            "The Secretary and Foreign Minister Hayashi condemned North Korea's missile launch.")
    event = _one(_remarks(coder, "Secretary Blinken's Call with Japanese Foreign Minister "
                          "Hayashi", text, STATE, date(2022, 3, 25)), "ACCUSE")
    assert {a.name for a in event.actors} == {"Antony Blinken", "Yoshimasa Hayashi",
                                              "North Korea"}


def test_coder_plural_title_after_a_meeting_is_its_participants(coder) -> None:
    text = ("Secretary Blinken met with Japanese Foreign Minister Hayashi Yoshimasa and Republic "
            "of Korea Foreign Minister Park Jin in Bali. The Secretary and Foreign Ministers "
            "condemned North Korea's missile launches.")
    event = _one(_remarks(coder, "Secretary Blinken's Trilateral Meeting", text, STATE,
                          date(2022, 7, 8)), "ACCUSE")
    assert {a.name for a in event.actors} == {"Antony Blinken", "Yoshimasa Hayashi", "Park Jin",
                                              "North Korea"}


def test_coder_the_secretary_and_a_titled_minister_both_act(coder) -> None:
    # the small model hangs "The Secretary and Foreign Minister" before the name as its
    # modifier; both are the subject
    text = ("Secretary of State Antony J. Blinken spoke today with Greek Foreign Minister Nikos "
            "Dendias. The Secretary and Foreign Minister Dendias condemned Russia’s unprovoked "
            "invasion of Ukraine.")
    accuse = _one(_remarks(coder, "", text, STATE, date(2022, 3, 1)), "ACCUSE")
    assert {"Antony Blinken", "Nikos Dendias"} <= {a.name for a in accuse.actors}


def test_coder_untagged_surname_after_a_title_is_the_person_named(coder) -> None:
    text = ("Secretary of State Antony J. Blinken met today with Estonian Foreign Minister "
            "Eva-Maria Liimets. The Secretary and Foreign Minister Liimets reviewed efforts to "
            "strengthen democracies and emphasized shared support for the Belarusian people.")
    support = _one(_remarks(coder, "", text, STATE, date(2022, 3, 1)), "SUPPORT")
    assert {"Antony Blinken", "Eva-Maria Liimets"} <= {a.name for a in support.actors}


def test_coder_untagged_surname_after_a_title_is_the_serving_holder(coder) -> None:
    # never named in full: the kb's one Scholz in office that day, as the title says;
    # a surname the kb knows for no one serving under that title stays no one
    text = "President Biden spoke with Chancellor Scholz of Germany today."
    consult = _one(_remarks(coder, "", text, STATE, date(2022, 1, 10)), "CONSULT")
    assert {a.name for a in consult.actors} == {"Joe Biden", "Olaf Scholz"}
    before = _remarks(coder, "", text, STATE, date(2020, 1, 10))
    assert "Olaf Scholz" not in {a.name for e in before for a in e.actors}


def test_coder_praise_offered_is_support_not_an_offer(code_text) -> None:
    events = code_text("Germany offered its full support to Ukraine on Monday.")
    event = _one(events, "SUPPORT")
    assert (event.source.country, event.target.country) == ("DEU", "UKR")
    assert not [e for e in events if e.type == "AGREE"]


def test_coder_support_as_aim_of_a_call_goes_to_the_partner_state(code_text) -> None:
    events = code_text("President Biden called Prime Minister Kishida today to offer support "
                       "after the earthquake.", published=date(2022, 3, 17))
    event = _one(events, "SUPPORT")
    assert event.source.name == "Joe Biden"
    assert event.target.name == "Japan"


def test_coder_joint_position_at_a_meeting_has_no_addressee(code_text) -> None:
    events = code_text("President Biden met with President Sisi of Egypt to reaffirm their "
                       "shared commitment to regional security.", published=date(2022, 7, 16))
    assert not [e for e in events if e.type == "SUPPORT"]


def test_coder_welcoming_the_chance_to_meet_is_agree(code_text) -> None:
    text = ("President Biden spoke with Prime Minister Sanchez of Spain. The leaders welcomed "
            "the opportunity to see each other next month.")
    events = code_text(text, published=date(2022, 5, 10))
    event = _one(events, "AGREE")
    assert {a.name for a in event.actors} == {"Joe Biden", "Pedro Sánchez"}
    assert not [e for e in events if e.type == "SUPPORT"]


def test_coder_signed_memorandum_is_agree(code_text) -> None:
    event = _one(code_text("Israel and Morocco signed a memorandum of understanding on "
                           "defense cooperation on Wednesday."), "AGREE")
    assert _countries(event.actors) == {"ISR", "MAR"}


def test_coder_condolences_are_support(code_text) -> None:
    event = _one(code_text("France expressed its condolences to Germany after the floods."),
                 "SUPPORT")
    assert (event.source.country, event.target.country) == ("FRA", "DEU")


def test_coder_parenthesis_ends_no_sentence(code_text) -> None:
    # the parser split after "(ROK)" and lost the minister the contact was with
    event = _one(code_text("Deputy Secretary Jane Arden spoke today with Republic of Korea "
                           "(ROK) First Vice Foreign Minister Kim Min-ho about trade."),
                 "CONSULT")
    assert "Kim Min-ho" in {a.name for a in event.actors}


def test_coder_japanese_name_family_first_on_us_government_site(coder) -> None:
    # the US government writes Japanese names family name first; the common form is given
    # name first
    text = "Secretary Jane Arden met today with Japanese Vice Foreign Minister Tanabe Hiroshi."
    article = Article(url="https://www.state.gov/x", title="", text=text, origin="test",
                      published=date(2022, 1, 14), id="a_test")
    event = _one(coder.code(article), "CONSULT")
    assert "Hiroshi Tanabe" in {a.name for a in event.actors}


def test_coder_contact_with_its_own_day_beside_a_reported_meeting(code_text) -> None:
    events = [e for e in code_text(
        "Deputy Secretary Jane Arden met today with Canadian Foreign Minister Marc Garneau "
        "to build on the momentum from the May 21 Summit between President Biden and "
        "President Yoon.") if e.type == "CONSULT"]
    sides = {frozenset(a.name for a in e.actors) for e in events}
    assert frozenset({"Joe Biden", "Yoon Suk Yeol"}) in sides
    assert any("Marc Garneau" in s for s in sides)


def test_coder_contact_without_the_state_of_a_participant(code_text) -> None:
    # the state of one who talks is no further side of the talk
    event = _one(code_text("Secretary Blinken spoke with Foreign Minister Yair Lapid of Israel "
                           "and the United States."), "CONSULT")
    assert {a.name for a in event.actors} == {"Antony Blinken", "Yair Lapid"}


def test_coder_partner_hung_on_the_occasion(code_text) -> None:
    # the small model hangs "with Duda" on the summit, not on the verb
    event = _one(code_text("President Biden spoke today on the margins of the NATO Summit "
                           "with President Andrzej Duda of Poland."), "CONSULT")
    assert {a.name for a in event.actors} == {"Joe Biden", "Andrzej Duda"}


def test_coder_meeting_on_the_margins_is_one_meeting(code_text) -> None:
    # the leaders named in one list on a summit's margins met together
    events = [e for e in code_text(
        "President Biden met today with Prime Minister Kaja Kallas of Estonia, President "
        "Egils Levits of Latvia, and President Gitanas Nauseda of Lithuania on the margins of "
        "the NATO Summit.") if e.type == "CONSULT"]
    assert len(events) == 1 and len(events[0].actors) == 4


def test_coder_plural_title_is_no_person(code_text) -> None:
    # "Vice Foreign Ministers" names the ministers of the call, not a person so called
    events = code_text("Deputy Secretary Jane Arden spoke with Japanese Vice Foreign Minister "
                       "Takeo Mori today. The Deputy Secretary and Vice Foreign Ministers also "
                       "spoke about their shared efforts.")
    names = {a.name for e in events if e.type == "CONSULT" for a in e.actors}
    assert "Foreign Ministers" not in names and "Takeo Mori" in names


def test_coder_news_outlet_is_no_party_to_a_statement(code_text) -> None:
    # an answer told to the press is no demand addressed to the outlet
    events = code_text("Opposition leader Maria Lopez told Reuters the Chilean government "
                       "must resign.")
    assert not [e for e in events if any(a.name == "Reuters" for a in e.actors)]


def test_coder_co_speakers_are_not_each_others_addressees(code_text) -> None:
    # "The leaders welcomed X" names two speakers and no one praised: the second speaker is
    # no target ("Czechia and Albania upgraded ties", two states, still is)
    events = code_text("President Biden spoke with Prime Minister Sanchez of Spain. President "
                       "Biden and Prime Minister Sanchez welcomed the outcomes of the summit.",
                       published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "SUPPORT"]


@pytest.mark.parametrize("text", [
    "President Biden and Prime Minister Sanchez discussed the importance of coordinating "
    "efforts to ensure stable energy markets.",
    "President Biden and President Macron discussed their determination to continue to "
    "support the people of Ukraine.",
])
def test_coder_discussed_topic_is_no_position(code_text, text: str) -> None:
    events = code_text(text, published=date(2022, 5, 10))
    assert not [e for e in events if e.type in ("AGREE", "COOPERATE", "SUPPORT")]


def test_coder_discussed_then_agreed_is_agree(code_text) -> None:
    events = code_text("President Biden and Prime Minister Sanchez discussed energy markets "
                       "and agreed to remain in close contact.", published=date(2022, 5, 10))
    assert _one(events, "AGREE")


def test_coder_announced_meeting_dated_by_its_announcement(code_text) -> None:
    # GUIDELINES 6: an announced future meeting takes the date of the announcement
    event = _one(code_text("President Biden will meet Prime Minister Sanchez of Spain on "
                           "June 10.", published=date(2022, 6, 3)), "AGREE")
    assert event.date == date(2022, 6, 3)


def test_coder_commitment_to_working_with_names_the_partner(code_text) -> None:
    # the gerund after "committed to" is the promise's clause: its partner is the target
    event = _one(code_text("Prime Minister Trudeau committed to working with Mexico on "
                           "migration."), "AGREE")
    assert event.target is not None and event.target.name == "Mexico"
    # the co-signers of a joint commitment and both partners of the work are participants
    event = _one(code_text("The Netherlands and Belgium committed to working with Chile and "
                           "Peru on port security."), "AGREE")
    assert {a.name for a in event.actors} >= {"Chile", "Peru"}


def test_coder_planned_trip_is_one_agree_per_host(code_text) -> None:
    events = code_text("Secretary Blinken will travel to Romania and Slovakia from May 5 to "
                       "May 9.", published=date(2022, 5, 2))
    hosts = sorted(e.target.country for e in events if e.type == "AGREE" and e.target)
    assert hosts == ["ROU", "SVK"]


@pytest.mark.parametrize("sentence", [
    "President Biden underscored his support for a peaceful resolution to the crisis.",
    "President Biden affirmed the United States' commitment to a two-state solution.",
    "President Biden expressed support for launching negotiations at the upcoming "
    "conference on plastics.",
])
def test_coder_support_of_a_cause_supports_no_one(code_text, sentence: str) -> None:
    # the target of support must be an actor, not a policy (GUIDELINES 5): with no actor in
    # what is supported, not the other side of the call
    events = code_text("President Biden spoke with President Boric of Chile. " + sentence,
                       published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "SUPPORT"]


@pytest.mark.parametrize(("sentence", "countries"), [
    # whose the cause is is supported; a phrase about it names no one supported
    ("President Biden expressed his support for a two-state solution to the "
     "Israeli-Palestinian conflict.", None),
    ("President Biden reaffirmed U.S. support for Chile's security.", {"CHL"}),
    ("President Biden reaffirmed the U.S. commitment to the defense of Japan and the "
     "Republic of Korea.", {"JPN", "KOR"}),
    ("President Biden expressed support for Chilean-led efforts to reform the pension "
     "system.", {"CHL"}),
])
def test_coder_support_of_a_cause_is_of_whose_cause_it_is(code_text, sentence: str,
                                                         countries: set[str] | None) -> None:
    events = code_text("President Biden spoke with President Boric of Chile. " + sentence,
                       published=date(2022, 5, 10))
    support = [e for e in events if e.type == "SUPPORT"]
    if countries is None:
        assert not support
    else:
        assert {a.country for a in _one(events, "SUPPORT").actors} - {"USA"} == countries


def test_coder_announced_trip_with_a_meeting_there_is_the_meeting(code_text) -> None:
    # a travel release codes one line per counterpart met, none for the country visited
    events = code_text("Secretary Blinken will travel to Rome, Italy, and Tunis, Tunisia next "
                       "week. In Rome, he will meet with Italian Foreign Minister Luigi Di "
                       "Maio.", published=date(2022, 5, 2))
    agreed = {a.name for e in events if e.type == "AGREE" for a in e.actors
              if a.name != "Antony Blinken"}
    assert agreed == {"Luigi Di Maio", "Tunisia"}


def test_coder_commitment_to_a_partnership_supports_no_one(code_text) -> None:
    # reaffirming an existing relationship is no event (GUIDELINES 1); praise of an actor's
    # partnership still is
    events = code_text("President Biden spoke with President Macron of France. President "
                       "Biden reiterated his strong support for the close alliance between "
                       "the United States and France.", published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "SUPPORT"]
    events = code_text("President Biden lauded Canada's close partnership throughout the "
                       "crisis.", published=date(2022, 5, 10))
    assert _one(events, "SUPPORT").target.country == "CAN"


def test_coder_event_internal_to_the_publishing_government_is_none(coder) -> None:
    events = _remarks(coder, "Statement by President Joe Biden",
                      "I have asked my Secretary of State, Tony Blinken, to travel to the "
                      "Middle East this week.")
    assert not [e for e in events if e.type == "REQUEST"]


def test_coder_intent_to_continue_an_act_is_intent_to_do_it(code_text) -> None:
    # "determination to continue raising the costs on Russia" is a threat to Russia, as
    # "determination to impose costs on Russia" is
    events = code_text("President Biden spoke with Chancellor Scholz of Germany. The leaders "
                       "affirmed their determination to continue raising the costs on Russia "
                       "for its invasion of Ukraine.", published=date(2022, 5, 10))
    assert _one(events, "THREATEN").target.name == "Russia"
    assert not [e for e in events if e.type == "AGREE"]


def test_coder_intent_named_by_its_first_act_is_that_act(code_text) -> None:
    # "commitment to support Georgia and to impose costs on Russia": the commitment is
    # support of Georgia; the costs are a threat to Russia of their own, not to Georgia
    events = code_text("President Biden spoke with President Zurabishvili of Georgia. He "
                       "conveyed the commitment of the United States to support the people of "
                       "Georgia and to impose costs on Russia.", published=date(2022, 5, 10))
    assert _one(events, "SUPPORT").target.name == "Georgia"
    assert {e.target.name for e in events if e.type == "THREATEN"} == {"Russia"}


def test_coder_time_of_what_is_looked_forward_to_is_not_the_agree_s(code_text) -> None:
    # the AGREE is dated by the conversation it was said in, not by the June summit
    events = code_text("President Biden spoke with Prime Minister Draghi of Italy. The leaders "
                       "looked forward to further discussions at the G-7 Summit and NATO "
                       "Summit in June.", published=date(2022, 5, 10))
    assert _one(events, "AGREE").date == date(2022, 5, 10)


@pytest.mark.parametrize("text", [
    "Did President Biden agree with President Erdogan on a Turkish presence in Afghanistan?",
    "When will President Biden visit Prime Minister Bennett in Israel?",
])
def test_coder_question_asserts_no_event(code_text, text: str) -> None:
    assert not [e for e in code_text(text, published=date(2022, 5, 10))
                if e.modality == "asserted" and e.type != "CONSULT"]


def test_coder_announced_package_is_the_act(code_text) -> None:
    # "will provide $10 million" announces the aid (GUIDELINES 5: announced aid packages);
    # "will continue to provide assistance" promises it
    events = code_text("The United States will provide $10 million in security assistance to "
                       "Jamaica.", published=date(2022, 3, 30))
    aid = _one(events, "AID")
    assert aid.target.country == "JAM" and aid.date == date(2022, 3, 30)
    events = code_text("The United States will impose sanctions on three Russian banks.",
                       published=date(2022, 5, 8))
    assert _one(events, "SANCTION").target.country == "RUS"
    assert not [e for e in events if e.type == "THREATEN"]


def test_coder_untagged_state_name_is_credited(code_text) -> None:
    # the small model leaves "Romania" untagged here: its name alone makes it the state
    event = _one(code_text("Secretary Blinken spoke with Foreign Minister Bogdan Aurescu today. "
                           "The Secretary thanked the Foreign Minister for Romania’s tremendous "
                           "welcoming of nearly 700,000 refugees from Ukraine."), "SUPPORT")
    assert event.target is not None and event.target.name == "Romania"


def test_coder_truce_named_with_its_sides_is_their_agreement(code_text) -> None:
    events = code_text("Secretary Blinken and King Abdullah II expressed their support for the "
                       "ceasefire between Israel and Hamas.")
    agree = _one(events, "AGREE")
    assert {a.name for a in agree.actors} == {"Israel", "Hamas"}
    # the sides of the truce are not whom the support is addressed to
    assert not [e for e in events if e.type == "SUPPORT"]


def test_coder_announced_trips_one_agreement_per_host_dated_when_announced(code_text) -> None:
    events = code_text("Special Envoy for Yemen Tim Lenderking will travel to Saudi Arabia and "
                       "Oman on May 25.", published=date(2021, 5, 24))
    trips = [e for e in events if e.type == "AGREE"]
    assert sorted(sorted(a.name for a in e.actors) for e in trips) == [
        ["Oman", "Tim Lenderking"], ["Saudi Arabia", "Tim Lenderking"]]
    assert all(e.date == date(2021, 5, 24) for e in trips)


def test_coder_support_phrase_on_a_misread_adjective_finds_its_addressee(code_text) -> None:
    # the model reads "unyielding" as the noun the "for" phrase hangs on
    event = _one(code_text("Secretary Blinken emphasized the United States’ unyielding and "
                           "steadfast support for Ukraine."), "SUPPORT")
    assert event.target is not None and event.target.name == "Ukraine"


def test_coder_unaddressed_urging_in_a_readout_goes_to_the_counterpart(code_text) -> None:
    events = code_text("Secretary Blinken met with Omani Foreign Minister Badr Albusaidi today. "
                       "The Secretary encouraged further efforts to build support for a truce.")
    event = _one(events, "REQUEST")
    assert event.target is not None and event.target.name == "Oman"


def test_coder_apology_to_someone_is_a_concession(code_text) -> None:
    # an apology admits a wrong done to the one apologised to: no praise of them
    events = code_text("Japanese Prime Minister Fumio Kishida apologized to South Korea on "
                       "Tuesday for the remarks.")
    event = _one(events, "CONCEDE")
    assert event.target is not None and event.target.name == "South Korea"
    assert not [e for e in events if e.type == "SUPPORT"]


def test_coder_stated_need_in_a_readout_goes_to_the_counterpart(code_text) -> None:
    # "stressed the need for ..." names no one asked: in a readout of a two-party contact it
    # is asked of the other side, as an urging is
    events = code_text("Secretary Blinken spoke today with Kenyan Foreign Minister Raychelle "
                       "Omamo. The Secretary stressed the need for progress on electoral reform.")
    event = _one(events, "REQUEST")
    assert event.target is not None and event.target.name == "Kenya"


def test_coder_response_that_would_come_is_a_warning(code_text) -> None:
    events = code_text("President Biden made clear that the United States would respond swiftly "
                       "and decisively to any further Russian aggression against Ukraine.")
    event = _one(events, "THREATEN")
    assert event.modality == "asserted"
    assert event.source is not None and event.source.name == "Joe Biden"
    assert event.target is not None and event.target.name == "Russia"
    # a response given, or one aimed at, is no warning
    for text in ("Israel responded to the rocket attacks from Gaza.",
                 "Secretary Blinken and Foreign Minister Rau discussed efforts to respond to the "
                 "humanitarian crisis caused by Putin’s war."):
        assert not [e for e in code_text(text) if e.type == "THREATEN"]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Chancellor Olaf Scholz warned that Germany would respond firmly to a Russian attack on "
     "Poland.",
     "DEU", "RUS"),
    ("The Japanese defence minister cautioned that North Korea would pay a heavy price.",
     "JPN", "PRK"),
])
def test_coder_a_warning_its_clause_spells_out_warns_whom_the_clause_names(
        code_text, text, source, target) -> None:
    event = _one(code_text(text), "THREATEN")
    assert event.source is not None and event.source.country == source
    assert event.target is not None and event.target.country == target


def test_coder_the_one_who_would_respond_is_not_warned(code_text) -> None:
    # the alliance that would answer an attack is the side warning, not the one warned
    events = code_text("The Italian minister warned that NATO would respond to any attack on "
                       "its members.")
    assert not [e for e in events if e.type == "THREATEN" and e.target is not None
                and e.target.name == "NATO"]
    told = _one(code_text("The Italian minister warned Moscow that NATO would respond to any "
                          "attack."), "THREATEN")
    assert told.target is not None and told.target.country == "RUS"


def test_coder_resolve_to_keep_raising_costs_is_no_promise(code_text) -> None:
    # "determination to continue raising the costs on Russia" is a threat's wording (the
    # infinitive under "continue" counts), not a promise of cooperation
    events = code_text("President Biden spoke with President Macron and Chancellor Scholz today. "
                       "The leaders affirmed their determination to continue raising the costs "
                       "on Russia for its invasion of Ukraine.")
    assert not [e for e in events if e.type == "AGREE"]
    threat = _one(events, "THREATEN")
    assert threat.target is not None and threat.target.name == "Russia"


def test_coder_truce_without_both_sides_named_is_no_agreement(code_text) -> None:
    # a ceasefire is an agreement of the sides its own phrase names ("between A and B");
    # one declared alone, or demanded, is not
    events = code_text("Hamas declared a unilateral ceasefire with Israel on Friday.")
    assert not [e for e in events if e.type == "AGREE"]
    events = code_text("The Secretary welcomed the ceasefire between Israel and Hamas.")
    assert {a.name for e in events if e.type == "AGREE" for a in e.actors} >= {"Israel", "Hamas"}


def test_coder_contact_during_its_dated_meeting_takes_the_meeting_day(code_text) -> None:
    # "during their meeting ... on <day>" is the occasion of the contact the verb reports
    # (a photo caption), not a second contact: one event, dated by the meeting
    events = code_text("French President Emmanuel Macron (L) speaks with German Chancellor "
                       "Olaf Scholz during their meeting in Berlin on March 3, 2021.")
    contacts = [e for e in events if e.type == "CONSULT"]
    assert [(e.date, e.date_inferred) for e in contacts] == [(date(2021, 3, 3), False)]


@pytest.mark.parametrize(("text", "etype"), [
    # two members of one government meeting is an internal matter (GUIDELINES 1)
    ("Prime Minister Naftali Bennett met with Foreign Minister Yair Lapid on Sunday.",
     "CONSULT"),
    # one person and the body of their own title speak to no one
    ("Bill Gerstenmaier of NASA spoke of the collaboration between his agency and "
     "SpaceX.",
     "CONSULT"),
    # a relationship or a topic ("coordinated closely", "discussed collaborating"), not a
    # joint material act
    ("Germany has coordinated closely with France on energy policy.",
     "COOPERATE"),
    # no answer to the press: no one's demand or accusation is refused
    ("Reporters asked Prime Minister Boris Johnson about the report, but he declined "
     "to comment.",
     "REJECT"),
])
def test_coder_not_an_event_of_this_type(code_text, text: str, etype: str) -> None:
    assert not [e for e in code_text(text) if e.type == etype]


@pytest.mark.parametrize(("text", "day"), [
    ("Voters will go to the polls this week following the resignation of Senator Mark "
     "Hollis.", date(2022, 1, 14)),
    ("The party welcomed the resignation of Senator Mark Hollis on Friday.", date(2022, 1, 14)),
])
def test_coder_resignation_named_by_a_noun(code_text, text: str, day: date) -> None:
    """"the resignation of X" is X's resignation; one that a clause in the future follows
    happened before it, undated by the clause's time."""
    event = _one(code_text(text), "RETREAT")
    assert event.mode == "resign" and event.modality == "asserted"
    assert event.source is not None and event.source.name == "Mark Hollis"
    assert event.date == day


def test_coder_resignation_demanded_is_not_done(code_text) -> None:
    events = code_text("Protesters called for the resignation of Senator Mark Hollis on Friday.")
    assert not [e for e in events if e.type == "RETREAT"]


@pytest.mark.parametrize(("text", "day"), [
    ("Senator John Harper announced his resignation on Monday in a televised address.",
     date(2022, 1, 10)),
    # the day it takes effect is not the day it was announced
    ("Senator John Harper announced his resignation, effective next Friday.",
     date(2022, 1, 14)),
    ("Senator John Harper stepped down as party chairman on Monday.", date(2022, 1, 10)),
    # an announced resignation is the act itself, of the announcement's day (GUIDELINES 1)
    ("Senator John Harper announced he would resign as party chairman.", date(2022, 1, 14)),
])
def test_coder_resignation_announced_or_stepped_down(code_text, text: str, day: date) -> None:
    """"X announced his resignation" is X's resignation (the pronoun names back the
    subject), dated by the announcement; "stepped down" is a resignation too."""
    event = _one(code_text(text), "RETREAT")
    assert event.mode == "resign" and event.modality == "asserted"
    assert event.source is not None and event.source.name == "John Harper"
    assert event.date == day


@pytest.mark.parametrize("text", [
    "Senator John Harper did not step down on Monday.",
    "Senator John Harper may step down next month.",
    "Senator John Harper will step down next month.",
    "Senator John Harper said he may resign.",
    "Senator John Harper announced he would not resign.",
    "Opposition leaders demanded his resignation on Monday.",
    "Senator John Harper did not announce his resignation on Monday.",
    # a resignation told as the backdrop of another act
    "Before resigning, Senator John Harper appointed Jane Doe as his deputy.",
    "In addition to stepping down as mayor, John Harper announced a new party.",
])
def test_coder_resignation_not_done(code_text, text: str) -> None:
    assert not [e for e in code_text(text) if e.type == "RETREAT" and e.modality == "asserted"]


def test_coder_found_guilty_is_a_conviction(code_text) -> None:
    """A verdict of guilty convicts; in the passive with no one named, the state where it
    is given does it."""
    event = _one(code_text("Mark Hollis was found guilty in Lyon, France on Tuesday."),
                 "SANCTION")
    assert event.mode == "convict"
    assert event.source is not None and event.source.name == "France"
    assert event.target is not None and event.target.name == "Mark Hollis"


def test_coder_blockage_of_exports_is_a_blockade(code_text) -> None:
    """"blockage" is the readouts' other word for a blockade: the state whose exports are
    blocked is the one coerced."""
    event = _one(code_text("The Minister noted that Iran's continued blockage of Iraqi oil "
                           "exports by sea has raised prices."), "COERCE")
    assert event.mode == "restrict"
    assert (event.source.name, event.target.name) == ("Iran", "Iraq")


def test_coder_victims_without_attacker_are_no_attack(code_text) -> None:
    """Two victims of an attack with no attacker named ("were injured") are no two sides
    of an attack."""
    events = code_text("Police and reporters were injured in the clashes on Friday.")
    assert not [e for e in events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "The government of Fiji declared a state of emergency on Tuesday.",
    "Fiji extended the nationwide curfew by two weeks on Tuesday.",
    "The government of Fiji began a two-day shutdown on Tuesday.",
])
def test_coder_public_restriction_binds_the_residents(code_text, text: str) -> None:
    """A curfew, lockdown or state of emergency on no one named restricts the residents of
    the state that orders it."""
    event = _one(code_text(text), "COERCE")
    assert event.source is not None and event.source.name == "Fiji"
    assert event.target is not None and event.target.name == "residents"
    assert event.target.country == "FJI"


@pytest.mark.parametrize("text", [
    "McDonald's closed all its restaurants in Russia on Tuesday.",
    "Shopkeepers in Kabul closed the market for the Eid holiday.",
    "Protesters shut down the University of Khartoum on Sunday.",
])
def test_coder_closing_places_is_no_restriction_of_residents(code_text, text: str) -> None:
    """A company leaving a market, traders on holiday, protesters occupying a campus: closing
    shops, markets or schools is no restriction a state imposes on its residents (a rule
    reading it so was measured and withdrawn: most closures in news are not the state's)."""
    assert not [e for e in code_text(text) if e.type == "COERCE" and e.mode == "restrict"]


def test_coder_restriction_by_a_person_of_no_state_binds_residents(code_text) -> None:
    """A mayor of no known state who extends a lockdown restricts the residents of the state
    the story is about."""
    event = _one(code_text("Moldova reported 200 new cases on Wednesday. On Thursday, Ivan "
                           "Petrovski, the mayor of the capital, extended the city lockdown "
                           "to May 1."), "COERCE")
    assert event.source is not None and event.source.name == "Ivan Petrovski"
    assert event.target is not None and event.target.name == "residents"


@pytest.mark.parametrize(("text", "source", "target"), [
    # gratitude said of the speaker is praise of whom it is owed to, or whose deed it names
    ("PRESIDENT BIDEN: I am grateful for the patient work of Norway in the talks.",
     "Joe Biden", "Norway"),
    ("PRIME MINISTER DRAGHI: I am deeply thankful to Canada for its help.",
     "Mario Draghi", "Canada"),
    # a wish of the speaker's own to thank thanks: the act is done as it is said
    ("PRESIDENT BIDEN: I want to thank Prime Minister Trudeau for his friendship.",
     "Joe Biden", "Justin Trudeau"),
    ("PRIME MINISTER DRAGHI: I would like to thank President Macron for his advice.",
     "Mario Draghi", "Emmanuel Macron"),
    # "Thank you for ...": the speaker's own thanks to the one addressed
    ("PRESIDENT BIDEN: Good morning.\n\nPRIME MINISTER DRAGHI: Thank you, Joe, for your "
     "patience on the energy file.",
     "Mario Draghi", "Joe Biden"),
])
def test_coder_speakers_own_thanks_are_praise(coder, text, source, target) -> None:
    events = _remarks(coder, "Remarks by President Biden and Prime Minister Draghi of Italy "
                      "Before Bilateral Meeting", text)
    support = _one(events, "SUPPORT")
    assert support.modality == "asserted"
    assert (support.source.name, support.target.name) == (source, target)


@pytest.mark.parametrize("text", [
    # a wish reported of someone else, or of the past, thanks no one yet
    "PRESIDENT BIDEN: Prime Minister Trudeau wanted to thank President Macron.",
    # a closing "Thank you." praises nothing
    "PRIME MINISTER DRAGHI: Thank you, Mr. President.",
])
def test_coder_thanks_not_given(coder, text) -> None:
    events = _remarks(coder, "Remarks by President Biden and Prime Minister Draghi of Italy "
                      "Before Bilateral Meeting", text)
    assert not [e for e in events if e.type == "SUPPORT" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    # a promise of cooperation said of the future is made as it is said
    "The United States will continue to work with Ghana and Togo on maritime security.",
    "President Biden and Prime Minister Rutte will stay in close contact.",
])
def test_coder_promise_of_future_cooperation_is_agreement(code_text, text) -> None:
    agree = _one(code_text(text), "AGREE")
    assert agree.modality == "asserted"
    assert agree.date == date(2022, 1, 14)


def test_coder_cooperation_reported_is_no_promise(code_text) -> None:
    # working together now is reported cooperation, no promise of it
    events = code_text("The United States is working with Ghana on maritime security.")
    assert not [e for e in events if e.type == "AGREE"]


@pytest.mark.parametrize(("text", "praised"), [
    # thanks for being there are the courtesy of the visit
    ("PRIME MINISTER DRAGHI: Thank you, Joe, for hosting us in Washington today.", False),
    ("PRIME MINISTER DRAGHI: I am grateful to you for coming to Rome.", False),
    # thanks for a deed, or for a deed besides the visit, are praise
    ("PRIME MINISTER DRAGHI: Thank you, Joe, for hosting this conference on climate.", True),
    ("PRIME MINISTER DRAGHI: I want to thank you for being here and for your help with "
     "energy.", True),
    # thanks for the occasion itself are a courtesy as well
    ("PRIME MINISTER DRAGHI: Mr. President, thank you for this opportunity to meet.", False),
    ("PRIME MINISTER DRAGHI: Thank you for the very good conversation.", False),
])
def test_coder_thanks_for_presence_are_no_praise(coder, text, praised) -> None:
    events = _remarks(coder, "Remarks by President Biden and Prime Minister Draghi of Italy "
                      "Before Bilateral Meeting", "PRESIDENT BIDEN: Good morning.\n\n" + text)
    assert bool([e for e in events if e.type == "SUPPORT"]) == praised


@pytest.mark.parametrize(("text", "agreed"), [
    # sharing the view of the one addressed commits no one to anything
    ("PRIME MINISTER DRAGHI: Well, I agree with you, Joe.", False),
    ("PRIME MINISTER DRAGHI: We generally agree, Mr. President.", False),
    # agreeing to act is a commitment
    ("PRIME MINISTER DRAGHI: I agree to meet you again in Rome in May.", True),
])
def test_coder_agreeing_with_a_view_is_no_commitment(coder, text, agreed) -> None:
    events = _remarks(coder, "Remarks by President Biden and Prime Minister Draghi of Italy "
                      "Before Bilateral Meeting", "PRESIDENT BIDEN: Good morning.\n\n" + text)
    assert bool([e for e in events if e.type == "AGREE" and e.modality == "asserted"]) == agreed


def test_coder_body_named_by_its_members_is_the_body(code_text) -> None:
    # "G7 Leaders": the body acts, not a group called after its members
    event = _one(code_text("The Chancellor and G7 Leaders expressed their solidarity with the "
                           "people of Moldova."), "SUPPORT")
    assert {a.name for a in event.actors} == {"G7", "Moldova"}


def test_coder_region_is_no_actor(code_text) -> None:
    # a region committed to is no one supported
    events = code_text("Prime Minister Justin Trudeau reaffirmed his support for the "
                       "Indo-Pacific region.")
    assert not [a for e in events for a in e.actors if "Pacific" in a.name]


def test_coder_topic_of_a_talk_names_no_partner(code_text) -> None:
    # what two sides spoke about is no third side of their talk
    event = _one(code_text("Foreign Minister Annalena Baerbock and Secretary Antony Blinken "
                           "spoke about their response to President Putin's war against "
                           "Ukraine."), "CONSULT")
    assert {a.name for a in event.actors} == {"Annalena Baerbock", "Antony Blinken"}


def test_coder_name_cut_after_its_particles_is_whole(code_text) -> None:
    # the small model tags "Ursula von der" a person and "Leyen" a place
    event = _one(code_text("Olaf Scholz met Ursula von der Leyen today."), "CONSULT")
    assert {a.name for a in event.actors} == {"Olaf Scholz", "Ursula von der Leyen"}


def test_coder_possessor_s_support_named_in_a_thanks_is_its_own_event(code_text) -> None:
    # the thanks is one event, Latvia's support of Moldova another
    events = code_text("Chancellor Olaf Scholz thanked Prime Minister Krisjanis Karins for "
                       "Latvia's steadfast support to Moldova.")
    pairs = {(e.source.name if e.source else None, e.target.name if e.target else None)
             for e in events if e.type == "SUPPORT"}
    assert ("Latvia", "Moldova") in pairs and ("Olaf Scholz", "Latvia") in pairs


def test_coder_possessor_s_deed_without_an_addressee_is_no_support(code_text) -> None:
    # a deed thanked for that supports no one named, or thanks denied, code no support of X
    events = code_text("Chancellor Olaf Scholz spoke with Prime Minister Krisjanis Karins "
                       "today. The Chancellor thanked the Prime Minister for Latvia's hosting "
                       "of the summit in Riga. The Chancellor did not thank the Prime Minister "
                       "for Latvia's support to Moldova.")
    assert not [e for e in events if e.type == "SUPPORT" and e.source is not None
                and e.source.name == "Latvia" and e.modality == "asserted"]


def test_coder_state_name_tagged_a_person_is_the_state(code_text) -> None:
    # the small model tags "Jordan" a person: the praise is credited to the state
    events = code_text("Chancellor Olaf Scholz spoke with Foreign Minister Ayman Safadi today. "
                       "The Chancellor thanked the Foreign Minister for Jordan's generous "
                       "support for Lebanon.")
    praise = [e for e in events if e.type == "SUPPORT" and e.source
              and e.source.name == "Olaf Scholz"]
    assert praise and praise[0].target.kind == "state" and praise[0].target.country == "JOR"


@pytest.mark.parametrize("text", [
    "President Biden announced $300 million in humanitarian assistance to Moldova.",
    "Germany announced a donation of two million vaccine doses to Kenya.",
])
def test_coder_announced_aid_is_aid(code_text, text) -> None:
    # GUIDELINES 5: announced aid packages are AID; a sum is aid "in assistance"
    event = _one(code_text(text), "AID")
    assert event.target is not None and event.target.country in ("MDA", "KEN")
    assert event.modality == "asserted"


@pytest.mark.parametrize("text", [
    "Since March, Norway has committed more than $20 million in humanitarian assistance to "
    "Moldova.",
    "The Dutch government dedicated 15 million euros to Moldova.",
])
def test_coder_a_sum_committed_is_aid_not_a_promise(code_text, text) -> None:
    # a sum committed or dedicated is aid set aside (GUIDELINES 5), not agree.agree's promise
    events = code_text(text)
    aid = _one(events, "AID")
    assert aid.target.country == "MDA" and aid.modality == "asserted"
    assert not [e for e in events if e.type == "AGREE"]


def test_coder_committing_to_act_or_not_committing_a_sum_is_no_aid(code_text) -> None:
    promise = code_text("Norway committed to support Moldova.")
    assert not [e for e in promise if e.type == "AID"]
    refused = code_text("Norway did not commit any funds to Moldova.")
    assert all(e.modality != "asserted" for e in refused if e.type == "AID")
    maybe = code_text("Norway may commit $20 million to Moldova.")
    assert all(e.modality != "asserted" for e in maybe if e.type == "AID")


def test_coder_an_announcement_of_aid_is_aid(code_text) -> None:
    # an aid package previewed or noted as an announcement is the aid (GUIDELINES 5); an
    # announcement of something else is not
    call = "Chancellor Olaf Scholz spoke today with President Volodymyr Zelenskyy of Ukraine. "
    aid = _one(code_text(call + "He previewed his announcement of an additional 50 million "
                                "euros in humanitarian assistance."), "AID")
    assert (aid.source.name, aid.target.country) == ("Olaf Scholz", "UKR")
    other = code_text(call + "He previewed his announcement of new trade rules.")
    assert not [e for e in other if e.type == "AID"]
    denied = code_text(call + "He did not preview any announcement of new assistance.")
    assert all(e.modality != "asserted" for e in denied if e.type == "AID")


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The President welcomed Norway's provision of humanitarian assistance to Moldova.",
     "NOR", "MDA"),
    ("Canada's deliveries of medical supplies to Haiti have continued.", "CAN", "HTI"),
])
def test_coder_aid_named_by_a_noun_of_giving(code_text, text, source, target) -> None:
    # a delivery, donation or provision of aid to someone is aid given (GUIDELINES 5), its
    # recipient hung on what is given
    event = _one(code_text(text), "AID")
    assert (event.source.country, event.target.country) == (source, target)
    assert event.modality == "asserted"


@pytest.mark.parametrize("text", [
    "They discussed the delivery of humanitarian aid throughout Yemen.",  # no giver nor recipient
    "The delivery of aid to Gaza remains blocked.",  # no giver
    "Did Japan's donation of food aid to Kenya arrive?",  # a question
    "The Minister praised Norway's planned delivery of vaccines to Kenya.",  # a plan
    "Germany's transfer of weapons to Ukraine will not happen.",  # denied
])
def test_coder_a_noun_of_giving_unowned_asked_or_ahead_is_no_aid(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type == "AID" and e.modality == "asserted"]


@pytest.mark.parametrize(("text", "country"), [
    ("Secretary Blinken stressed the importance of an immediate ceasefire in Libya.", "LBY"),
    ("President Biden emphasized the importance of Israel taking steps to ensure calm.", "ISR"),
])
def test_coder_importance_of_an_act_requests_it_of_the_doer(code_text, text, country) -> None:
    # who is to act (a gerund's subject) or where (a ceasefire "in Libya") is asked to
    event = _one(code_text(text), "REQUEST")
    assert event.target is not None and event.target.country == country


def test_coder_importance_of_a_partnership_requests_nothing(code_text) -> None:
    events = code_text("The Secretary highlighted the importance of the strong partnership "
                       "with Qatar.")
    assert not [e for e in events if e.type == "REQUEST"]


def test_coder_need_for_a_response_to_an_aggressor_asks_nothing_of_it(code_text) -> None:
    # the one whose deed a response answers is not asked to do anything; the one to act is
    events = code_text("President Macron stressed the need for a strong international "
                       "response to Iran's aggression.")
    assert not [e for e in events if e.type == "REQUEST" and e.target is not None
                and e.target.country == "IRN"]
    event = _one(code_text("President Macron stressed the need for Russia to withdraw its "
                           "forces."), "REQUEST")
    assert event.target is not None and event.target.country == "RUS"


@pytest.mark.parametrize("text", [
    "President Macron stressed the need for a swift, unified international response to the "
    "flooding in Chad.",
    "Chancellor Olaf Scholz underscored the importance of global support for Moldova.",
])
def test_coder_a_need_for_the_worlds_response_asks_the_international_community(
        code_text, text) -> None:
    # a response "international" in kind is asked of the world, not of the place it concerns
    event = _one(code_text(text), "REQUEST")
    assert event.target is not None and event.target.name == "international community"
    assert event.modality == "asserted"


@pytest.mark.parametrize("text", [
    "Chancellor Olaf Scholz stressed the importance of international law.",
    "Chancellor Olaf Scholz stressed the importance of the international airport in Chisinau.",
])
def test_coder_a_need_only_mentioning_the_world_asks_nothing_of_it(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type == "REQUEST"
                and e.target is not None and e.target.name == "international community"]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Chancellor welcomed the applications by Moldova and Georgia for membership in the "
     "European Union.", "Moldova", "European Union"),
    ("The ministers welcomed Bosnia's bid to join the European Union.",
     "Bosnia and Herzegovina", "European Union"),
    ("The Chancellor backed the application from Ukraine for EU membership.", "Ukraine",
     "European Union"),
])
def test_coder_an_application_to_join_a_body_asks_it(code_text, text, source, target) -> None:
    # applying to join a body asks it for admission: the applicant is the source
    event = _one(code_text(text), "REQUEST")
    assert event.source is not None and event.source.name == source
    assert event.target is not None and event.target.name == target


@pytest.mark.parametrize("text", [
    "Egypt launched a bid to end the fighting in Sudan.",
    "Canada made a bid for the 2030 World Cup.",
    "Applications for visas to Moldova rose sharply in May.",
])
def test_coder_a_bid_or_application_for_no_membership_asks_nothing(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.rule == "request.membership_bare"]


@pytest.mark.parametrize(("url", "text", "source"), [
    # a ministry named with its state is the state (GUIDELINES 4)
    ("test://x", "The Chilean Ministry of Defense accused Peru of violating the border on "
     "Tuesday.", "Chile"),
    ("test://x", "Peru's Foreign Ministry condemned the raid by Chile on Tuesday.", "Peru"),
    ("test://x", "The Ministry of Foreign Affairs of Peru condemned the raid by Chile on "
     "Tuesday.", "Peru"),
    # one named by its portfolio alone in a government's own release is that government
    ("https://www.state.gov/x/", "The Department of the Treasury sanctioned four Syldavian "
     "officials and Bolivia on Tuesday.", "United States"),
])
def test_coder_ministry_is_its_state(coder, url: str, text: str, source: str) -> None:
    events = coder.code(Article(url=url, title="", text=text, origin="t",
                                published=date(2022, 1, 14), id="a_t"))
    assert source in {e.source.name for e in events if e.source is not None}


def test_coder_conjoined_departments_are_one_state(coder) -> None:
    # "the Departments of Commerce and the Treasury" are one government's, one participant
    events = coder.code(Article(url="https://www.state.gov/x/", title="", origin="t",
                                text="Today, the Departments of Commerce and the Treasury "
                                "imposed sanctions on Belarus.", published=date(2022, 1, 14),
                                id="a_t"))
    sanction = _one(events, "SANCTION")
    assert {a.name for a in sanction.actors} == {"United States", "Belarus"}

def test_coder_department_without_portfolio_is_no_state(coder) -> None:
    events = coder.code(Article(url="https://www.state.gov/x/", title="", origin="t",
                                text="The Springfield Police Department arrested Mark Hollis "
                                "on Tuesday.", published=date(2022, 1, 14), id="a_t"))
    assert all(a.name != "United States" for e in events for a in e.actors)


@pytest.mark.parametrize(("text", "name"), [
    ("Secretary Blinken spoke today with Moldovan Deputy Prime Minister and Minister of "
     "Foreign Affairs and European Integration Nicu Popescu.", "Nicu Popescu"),
    ("Secretary Blinken met with the Minister of Foreign Affairs and International "
     "Cooperation Sheikh Abdullah bin Zayed.", "Abdullah bin Zayed"),
    # Japanese official releases write the family name first; the actor keeps the
    # given-name-first common English name (GUIDELINES 4)
    ("Secretary Blinken met today with Japanese Foreign Minister Hayashi Yoshimasa in "
     "Washington.", "Yoshimasa Hayashi"),
    ("Secretary Blinken met today with Japanese Foreign Minister Yoshimasa Hayashi in "
     "Washington.", "Yoshimasa Hayashi"),
])
def test_coder_counterpart_is_named_by_the_common_name(code_text, text, name) -> None:
    # issue 8: "the Minister of Foreign Affairs and International Cooperation Sheikh X" is X
    meeting = _one(code_text(text), "CONSULT")
    others = [a.name for a in meeting.actors if a.name != "Antony Blinken"]
    assert len(others) == 1 and others[0].startswith(name)


def test_coder_offices_in_the_plural_name_every_state_listed(code_text) -> None:
    # "the G7 Foreign Ministers of Canada, France, ...": one call with every state (an
    # unnamed counterpart takes its state), not one with an actor "G7 Foreign Ministers of
    # Canada", nor one call per state (the body is no occasion of side meetings)
    events = code_text("Secretary of State Antony J. Blinken spoke today with the G7 Foreign "
                       "Ministers of Canada, France, Germany, Italy, Japan, and the United "
                       "Kingdom.")
    calls = [e for e in events if e.type == "CONSULT"]
    assert len(calls) == 1
    assert {a.name for a in calls[0].actors} == {"Antony Blinken", "Canada", "France",
                                                  "Germany", "Italy", "Japan",
                                                  "United Kingdom"}


@pytest.mark.parametrize("text", [
    "Secretary Blinken thanked Foreign Minister Rau and the people of Poland for their "
    "generosity.",
    "Secretary Blinken thanked Foreign Minister Rau and the Polish people for their "
    "generosity.",
])
def test_coder_a_people_beside_its_minister_is_thanked_too(code_text, text) -> None:
    # GUIDELINES 4: "the people of X" is X; beside X's minister it is no title's country word
    thanks = _one(code_text(text), "SUPPORT")
    assert {a.name for a in thanks.actors} == {"Antony Blinken", "Zbigniew Rau", "Poland"}


def test_coder_his_administration_is_the_state_of_the_person_named(code_text) -> None:
    aid = _one(code_text("President Biden noted his administration is surging security, "
                         "humanitarian, and economic assistance to Ukraine."), "AID")
    assert (aid.source.name, aid.target.name) == ("United States", "Ukraine")


@pytest.mark.parametrize("text", [
    # the small model labels the preposition "to" as a dative
    "India is also providing humanitarian relief material to Ukraine, including medicine and "
    "other supplies.",
    # what a relative clause's own subject acts on is the noun it describes
    "The two discussed the humanitarian assistance India is providing to Ukraine.",
])
def test_coder_aid_to_a_dative_or_in_a_relative_clause(code_text, text) -> None:
    aid = _one(code_text(text), "AID")
    assert (aid.source.name, aid.target.name) == ("India", "Ukraine")


def test_coder_conjoined_verb_shares_a_fronted_time(code_text) -> None:
    # "In 2014, X condemned Y and imposed sanctions": both acts are of 2014, historical
    # background to a story of 2022 (GUIDELINES 1), so neither is coded
    assert code_text("In 2014, the United States condemned Russia and imposed sanctions on "
                     "Moscow.") == []
    # a time after the first verb is its own: the promise is of the day it is reported
    promise = _one(code_text("Foreign Minister Le Drian and Secretary Blinken welcomed the "
                             "outcome of the summit in June 2021 and pledged to work together "
                             "with Germany."), "AGREE")
    assert promise.date == date(2022, 1, 14)


def test_coder_talks_named_with_their_sides_are_a_contact(code_text) -> None:
    # "talk" is the lemma of "talks": the nominal contact reads its sides from "between"
    talks = _one(code_text("The talks between Russian President Vladimir Putin and Ukrainian "
                           "President Volodymyr Zelensky ended without agreement on "
                           "Tuesday."), "CONSULT")
    assert {a.name for a in talks.actors} == {"Vladimir Putin", "Volodymyr Zelensky"}


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The United States hit Russia with sweeping sanctions on Tuesday.", "USA", "RUS"),
    ("China retaliated with tariffs on American goods.", "CHN", "USA"),
])
def test_coder_act_named_by_with_is_the_event(code_text, text, source, target) -> None:
    # "hit X with sanctions" is a sanction, not an attack
    events = code_text(text)
    assert "ASSAULT" not in {e.type for e in events}
    sanction = _one(events, "SANCTION")
    assert (sanction.source.country, sanction.target.country) == (source, target)


@pytest.mark.parametrize(("text", "mode"), [
    ("Trump and Kim Jong-un held a summit in Hanoi in February.", "meeting"),
    ("The leaders of France, Germany and Italy held a summit in Rome.", "multilateral"),
])
def test_coder_summit_of_two_is_a_meeting(code_text, text, mode) -> None:
    # GUIDELINES 5: multilateral is in person with three or more states or bodies
    assert _one(code_text(text), "CONSULT").mode == mode


@pytest.mark.parametrize(("text", "mode", "city"), [
    # a meeting of two held in one's home country is that one's visit (GUIDELINES 5), the
    # place said after the one met
    ("Secretary of State Antony J. Blinken met today with Dutch Foreign Minister Wopke "
     "Hoekstra in Washington, D.C.", "visit", "Washington"),
    ("National Security Advisor Jake Sullivan met yesterday with Foreign Minister Aissata "
     "Tall Sall of Senegal at the White House.", "visit", "Washington"),
    ("Secretary of State Antony J. Blinken met today with Dutch Foreign Minister Wopke "
     "Hoekstra in Geneva.", "meeting", "Geneva"),
])
def test_coder_meeting_in_a_partys_home_is_a_visit(code_text, text, mode, city) -> None:
    meeting = _one(code_text(text), "CONSULT")
    assert meeting.mode == mode
    assert meeting.location is not None and meeting.location.name == city


@pytest.mark.parametrize(("text", "mode"), [
    ("Secretary Blinken urged Russia to de-escalate and to engage in diplomacy.", "yield"),
    ("President Biden called on Congress to fund aid for Ukraine.", "assist"),
    ("Secretary Blinken urged Iran to change course.", "change"),
])
def test_coder_request_mode_is_what_is_asked(code_text, text, mode) -> None:
    assert _one(code_text(text), "REQUEST").mode == mode


def test_coder_a_month_or_a_summit_is_no_place(code_text) -> None:
    # "in March" is no town in England, "the Summit of the Americas" no Summit, New Jersey
    promise = _one(code_text("Following President Biden's trip to Poland in March, President "
                             "Biden and Chancellor Scholz agreed to work together with "
                             "France."), "AGREE")
    assert promise.location is None or promise.location.country != "GBR"
    meeting = _one(code_text("President Biden met President Lopez Obrador at the Summit of "
                             "the Americas."), "CONSULT")
    assert meeting.location is None


def test_coder_the_harmed_are_not_the_accused(code_text) -> None:
    # the phrase of a noun of harm names its victim; the doer, where named, is the accused
    for text in ("Blinken condemned the killing of journalist Shireen Abu Akleh.",
                 "President Biden called Prime Minister Kishida to express his outrage at the "
                 "shooting death of former Prime Minister Abe Shinzo."):
        events = code_text(text, date(2022, 7, 8))
        assert not [e for e in events if e.type == "ACCUSE"], text
    # a punishment's "of" phrase names whom it is done to ("the conviction of X"), not the
    # accused
    assert not [e for e in code_text("Blinken condemned the conviction of journalist Ivan "
                                     "Petrov.", date(2022, 7, 8)) if e.type == "ACCUSE"]
    for text in ("Blinken condemned the arrest of Alexei Navalny by Russian authorities.",
                 "Blinken condemned Russia's expulsion of the Lithuanian diplomats.",
                 "Blinken condemned the deaths of protesters killed by Russian security "
                 "forces."):
        blame = _one(code_text(text, date(2022, 7, 8)), "ACCUSE")
        assert blame.target is not None and blame.target.name == "Russia", text


def test_coder_unnamed_designees_are_their_state(code_text) -> None:
    # GUIDELINES 4: sanctions on unnamed designees target the state they are of or in
    for text, targets in (
            ("The United States is designating five Iranian individuals and entities for "
             "sanctions.", {"Iran"}),
            ("The United States today announced sanctions on five entities and individuals "
             "located in Russia and the DPRK.", {"Russia", "North Korea"})):
        event = _one(code_text(text, date(2022, 3, 24)), "SANCTION")
        assert {a.name for a in event.actors} == {"United States"} | targets, text


def test_coder_a_trip_returned_from_is_a_visit_to_each_place(code_text) -> None:
    # "returned from travel to A, B, the UAE, and C": the trip was made, one visit per host,
    # however the parser chains the list (appositions, an ORG-tagged "UAE")
    for text in ("Special Envoy Tim Lenderking returned on June 3 from travel to Saudi Arabia, "
                 "Oman, the UAE, and Jordan.",
                 "Special Envoy Tim Lenderking traveled to Saudi Arabia, Oman, the UAE, and "
                 "Jordan on June 3."):
        visits = [e for e in code_text(text, date(2021, 6, 4)) if e.type == "CONSULT"]
        assert sorted(e.target.name for e in visits if e.target) == [
            "Jordan", "Oman", "Saudi Arabia", "United Arab Emirates"], text
        assert {e.mode for e in visits} == {"visit"}
        assert {str(e.date) for e in visits} == {"2021-06-03"}


def test_coder_an_ally_named_in_apposition_is_no_listed_place(code_text) -> None:
    support = _one(code_text("The United States stands with Greece, our key NATO Ally and "
                             "partner.", date(2022, 5, 30)), "SUPPORT")
    assert "NATO" not in {a.name for a in support.actors}


def test_coder_being_struck_is_no_strike(code_text) -> None:
    # a labour strike is intransitive and active; "Kyiv was struck by missiles" is an attack
    events = code_text("Kyiv was struck by Russian missiles on Monday.", date(2022, 10, 12))
    assert [e.type for e in events] == ["ASSAULT"]
    attack = _one(code_text("Odesa was struck by a Russian drone.", date(2022, 10, 12)),
                  "ASSAULT")
    assert attack.target is not None and attack.target.name == "Ukraine"


def test_coder_a_time_in_a_clause_below_dates_no_trigger_above(code_text) -> None:
    # "last February" dates the meeting left, not the concern voiced today
    concern = _one(code_text("Beijing is also concerned about President Trump's unpredictable "
                             "behavior — as demonstrated by his abrupt departure from a "
                             "meeting last February.", date(2019, 11, 18)), "ACCUSE")
    assert concern.date == date(2019, 11, 18)
    # a participle's own time frames what is said, and dates it
    said = _one(code_text("Speaking to reporters on Monday, Blinken said he condemned Russia's "
                          "attacks on Odesa.", date(2019, 11, 20)), "ACCUSE")
    assert said.date == date(2019, 11, 18)


def test_coder_entering_into_an_agreement_is_agreeing(code_text) -> None:
    agreed = _one(code_text("Late on Sunday, the Syrian Democratic Forces announced it had "
                            "entered into an agreement with the government of Syria.",
                            date(2019, 10, 14)), "AGREE")
    assert {a.name for a in agreed.actors} == {"Syrian Democratic Forces", "Syria"}


@pytest.mark.parametrize("text", [
    "President Biden and Chancellor Scholz are committed to supporting Ukraine.",
    "The United States remains firmly committed to helping Saudi Arabia and the UAE defend "
    "themselves.",
])
def test_coder_committed_to_supporting_is_support(code_text, text) -> None:
    # as a commitment to support X is (GUIDELINES 5), not a promise of something new
    events = code_text(text)
    assert [e.type for e in events] == ["SUPPORT"], [(e.type, e.rule) for e in events]
    assert events[0].modality == "asserted"


def test_coder_meeting_a_demand_or_a_goal_is_no_meeting(code_text) -> None:
    assert code_text("The U.S. said it would not meet the hostage-takers' demands.") == []
    assert code_text("Germany will meet NATO's spending target next year.") == []
    assert [e.type for e in code_text("President Biden met Chancellor Scholz in Berlin.")] \
        == ["CONSULT"]


@pytest.mark.parametrize(("text", "mode", "target"), [
    ("Turkey will launch an offensive against Syria if the Kurds do not withdraw.", "violence",
     "Syria"),
    # the act names no one: the condition's subject is held over
    ("China will impose sanctions unless Lithuania reverses its decision.", "restrict",
     "Lithuania"),
    # a plain condition the warned one would meet (GUIDELINES 7), put first or inverted
    ("If Venezuela attacks again, the United States will impose severe costs.", "restrict",
     "Venezuela"),
    ("Should Venezuela invade Guyana, the United States would impose severe costs on "
     "Venezuela.", "restrict", "Venezuela"),
])
def test_coder_a_hostile_act_held_over_a_condition_is_a_threat(code_text, text, mode,
                                                                 target) -> None:
    # conditional threats are THREATEN, made as they are said (the condition is no event)
    threat = _one(code_text(text), "THREATEN")
    assert threat.modality == "asserted" and threat.mode == mode
    assert threat.target is not None and threat.target.name == target


@pytest.mark.parametrize("text", [
    "Israel will withdraw from Gaza if Hamas releases the hostages.",
    "The United States will send aid to Ukraine if Congress does not block it.",
    "Biden will meet Putin in Geneva next month unless the summit is postponed.",
    "Analysts said Russia could invade Ukraine unless NATO makes concessions.",
    # denied, or told done
    "The United States will not impose sanctions on Venezuela if it invades Guyana.",
    "When Venezuela invaded Guyana, the United States imposed sanctions on Venezuela.",
])
def test_coder_an_offer_or_a_guess_on_a_condition_is_no_threat(code_text, text) -> None:
    assert "THREATEN" not in {e.type for e in code_text(text)}


def test_coder_a_place_captured_is_fighting(code_text) -> None:
    attack = _one(code_text("Burmese troops have captured part of a Karen guerrilla "
                            "stronghold on the Thai border."), "ASSAULT")
    assert attack.source is not None and attack.source.country == "MMR"
    assert [e.type for e in code_text("Iran seized two Greek tankers.")] == ["COERCE"]


def test_coder_a_demand_restated_is_a_request(code_text) -> None:
    events = code_text("The ILO reiterated its demand today that Israel ease restrictions on "
                       "Palestinian workers.")
    assert _one(events, "REQUEST").modality == "asserted"
    assert all(e.modality != "asserted" for e in events if e.type == "CONCEDE")


def test_coder_a_warning_in_the_passive_is_made_by_those_who_say_it(code_text) -> None:
    # the threatened is the doer of what is warned against, not its victim
    threat = _one(code_text("Deputy Secretary Sherman and Deputy Minister Morgan reiterated "
                            "that any further invasion of Ukraine by Russia would be met with "
                            "swift and severe consequences."), "THREATEN")
    assert threat.modality == "asserted"
    assert {a.name for a in threat.actors} >= {"Russia"} and len(threat.actors) == 3
    assert threat.target is not None and threat.target.name == "Russia"
    assert code_text("Blinken said further invasion of Ukraine would be met with severe "
                     "consequences.") == []


def test_coder_a_group_read_back_is_never_the_wrong_people(code_text) -> None:
    day = date(2021, 6, 14)
    # "the leaders of X, Y and Z" are named by their phrase, not the last two people named
    events = code_text("President Biden will meet President Putin in Geneva on Wednesday. On "
                       "Monday, President Biden met with the leaders of Estonia, Latvia, and "
                       "Lithuania. He thanked the three leaders for their support.", day)
    met = [e for e in events if e.type == "CONSULT"]
    assert [{a.name for a in e.actors} for e in met] == [
        {"Joe Biden", "Estonia", "Latvia", "Lithuania"}]
    assert all("Vladimir Putin" not in {a.name for a in e.actors}
               for e in events if e.type != "AGREE")
    # "the two of them" that holds the one speaking with them is someone else
    events = code_text("President Biden will meet President Putin in Geneva. He was able to "
                       "speak with the two of them about his commitment to security.", day)
    assert [e.type for e in events] == ["AGREE"]
    # a contact's participants stay whom "his counterparts" and "the three ministers" are
    events = code_text("Secretary Blinken met with Foreign Minister Hayashi and Foreign Minister "
                       "Park in Tokyo. The Secretary thanked his counterparts for their support "
                       "for Ukraine. He urged the three ministers to coordinate on North Korea.")
    for etype in ("SUPPORT", "REQUEST"):
        assert {a.name for a in _one(events, etype).actors} == {
            "Antony Blinken", "Yoshimasa Hayashi", "Park"}


def test_coder_recognising_an_entity_is_support(code_text) -> None:
    # GUIDELINES 5: recognition of an entity; the separatist republics are in the gazetteer
    support = _one(code_text("Russia recognized the independence of the Donetsk People's "
                             "Republic and the Luhansk People's Republic."), "SUPPORT")
    assert {a.name for a in support.actors} == {
        "Russia", "Donetsk People's Republic", "Luhansk People's Republic"}
    assert code_text("The Secretary recognized the one-year anniversary of the partnership.") \
        == []


def test_coder_a_state_named_an_ally_is_praised_not_sanctioned(code_text) -> None:
    # a designation as an ally backs the ally (or, meant, promises it: the learned detector
    # reads "intends" as a promise), it sanctions no one
    events = code_text("The United States designated Colombia as a Major Non-NATO Ally.")
    support = _one(events, "SUPPORT")
    assert support.modality == "asserted" and support.target is not None
    assert support.target.name == "Colombia"
    meant = code_text("The United States intends to designate Colombia as a Major Non-NATO "
                      "Ally.")
    assert [e.type for e in meant] in (["SUPPORT"], ["AGREE"])
    assert all(e.target is not None and e.target.name == "Colombia" for e in meant)
    assert [e.type for e in code_text("The State Department designated the Houthis as a "
                                      "Foreign Terrorist Organization.")] == ["SANCTION"]


def test_coder_a_condemned_invasion_is_an_attack_a_mentioned_one_context(code_text) -> None:
    # GUIDELINES 1-2: an attack that is the object of a condemnation is coded; a war named
    # only as context is not
    events = code_text("Secretary Blinken condemned Russia's premeditated, unprovoked, and "
                       "unjustified invasion of Ukraine.")
    attack = _one(events, "ASSAULT")
    assert (attack.source.name, attack.target.name) == ("Russia", "Ukraine")
    assert _one(events, "ACCUSE").target.name == "Russia"
    assert not [e for e in code_text("They discussed recent developments in Russia's "
                                      "unprovoked war in Ukraine.") if e.type == "ASSAULT"]
    assert not [e for e in code_text("Secretary Blinken discussed Russia's invasion of "
                                      "Ukraine.") if e.type == "ASSAULT"]


def test_coder_a_leaders_war_is_waged_by_the_state(code_text) -> None:
    attack = _one(code_text("They deplored President Putin's ruinous war in Ukraine."),
                  "ASSAULT")
    assert (attack.source.name, attack.target.name) == ("Russia", "Ukraine")
    # the accused of the condemnation stays the person named
    accuse = _one(code_text("Secretary Blinken condemned President Putin's attack on "
                            "Ukraine."), "ACCUSE")
    assert accuse.target.name == "Vladimir Putin"


def test_coder_support_tweeted_is_stated(code_text) -> None:
    support = _one(code_text("NASA tweeted its support for Ahmed Mohamed.",
                             date(2015, 9, 22)), "SUPPORT")
    assert (support.source.name, support.target.name) == ("NASA", "Ahmed Mohamed")


def test_coder_a_day_before_a_surname_is_no_given_name(code_text) -> None:
    # "Tuesday Mitsotakis" is no name of two words: the kb's one serving Mitsotakis met
    meeting = _one(code_text("Later on Tuesday Mitsotakis met with the International "
                             "Monetary Fund.", date(2020, 1, 8)), "CONSULT")
    assert {a.name for a in meeting.actors} == {"Kyriakos Mitsotakis",
                                                "International Monetary Fund"}


def test_coder_a_name_opening_a_sentence_read_as_a_common_noun(code_text) -> None:
    # the small model tags a sentence-opening "Trump" as the noun; the kb knows one serving
    meeting = _one(code_text("Trump met with Xi Jinping in Osaka.", date(2019, 6, 29)),
                   "CONSULT")
    assert {a.name for a in meeting.actors} == {"Donald Trump", "Xi Jinping"}
    assert not code_text("Talks were held in Osaka.", date(2019, 6, 29))


def test_coder_an_unnamed_court_acts_for_the_state_where_it_sits(code_text) -> None:
    # "a court in Multan", "a federal judge in Virginia": the state of the place named in
    # the doer's phrase or the act's time phrase (GUIDELINES 4)
    sentence = _one(code_text("On Friday in Pakistan, Mohammed Waseem was sentenced for "
                              "murder to life in prison by a court in Multan.",
                              date(2019, 9, 28)), "SANCTION")
    assert (sentence.source.name, sentence.target.name) == ("Pakistan", "Mohammed Waseem")
    judged = _one(code_text("A federal judge in Virginia sentenced Joel Smithers to prison "
                            "for 40 years.", date(2019, 10, 2)), "SANCTION")
    assert judged.source.name == "United States"
    # a named doer is not replaced by the place
    assert not [e for e in code_text("Gunmen abducted John Smith in Lagos, Nigeria.",
                                     date(2019, 10, 2))
                if e.source is not None and e.source.name == "Nigeria"]


def test_coder_unnamed_authorities_act_for_the_state_of_the_story(code_text) -> None:
    # "Prosecutors accused X", "the authorities seized": an unnamed justice body named as
    # the doer, with no place in its sentence, acts for the state the news story is about
    story = "Mark Dawson wounded four people in Ohio, United States. "
    accused = _one(code_text(story + "Prosecutors accused Dawson of attempted murder."),
                   "ACCUSE")
    assert (accused.source.name, accused.target.name) == ("United States", "Mark Dawson")
    seized = _one(code_text(story + "The authorities seized Dawson's rifles."), "COERCE")
    assert seized.source.name == "United States"
    # negated and hypothetical acts keep their modality
    denied = _one(code_text(story + "Prosecutors did not accuse Dawson of fraud."), "ACCUSE")
    assert denied.modality == "negated"
    # a story with no state named has no state to lend them
    assert not [e for e in code_text("Prosecutors accused Mark Dawson of fraud.")
                if e.type == "ACCUSE"]


def test_coder_an_unnamed_court_refusing_a_filing_rejects_who_brought_it(code_text) -> None:
    # "a judge dismissed the lawsuit filed by X", "the court rejected X's motion": an
    # unnamed court acts for the state of the story against whoever brought the filing
    story = "Jane Harlow, a farmer in Ohio, United States, sued her county. "
    dismissed = _one(code_text(story + "A federal judge dismissed the lawsuit filed by "
                               "Harlow."), "REJECT")
    assert (dismissed.source.name, dismissed.target.name) == ("United States", "Jane Harlow")
    assert dismissed.modality == "asserted"
    motion = _one(code_text(story + "The court rejected Harlow's motion."), "REJECT")
    assert (motion.source.name, motion.target.name) == ("United States", "Jane Harlow")
    # negated and hypothetical rulings keep their modality
    kept = _one(code_text(story + "The judge did not dismiss Harlow's lawsuit."), "REJECT")
    assert kept.modality == "negated"
    # an idea, a concern or an official dismissed is no court's ruling on a filing
    for other in ("A federal judge dismissed the idea of Harlow.",
                  "The judge dismissed Harlow's concerns.",
                  "The court dismissed Harlow's assistant."):
        assert not [e for e in code_text(story + other)
                    if e.type == "REJECT" and e.source is not None
                    and e.source.name == "United States"]


def test_coder_the_city_of_a_place_is_that_place(code_text) -> None:
    attack = _one(code_text("Russian forces shelled the city of Kharkiv overnight."),
                  "ASSAULT")
    assert (attack.source.name, attack.target.name) == ("Russia", "Ukraine")


def test_coder_a_threat_against_what_someone_owns(code_text) -> None:
    threat = _one(code_text("Erdogan threatened to block Sweden's NATO bid."), "THREATEN")
    assert threat.target.name == "Sweden"
    # a plan against another's deed is no promise to them
    assert not code_text("The United States remains determined to counter Iran's malign "
                         "activity.")


def test_coder_crowds_in_the_street_protest(code_text) -> None:
    streets = _one(code_text("Thousands of Iranians took to the streets of Tehran to protest "
                             "the death of Mahsa Amini."), "PROTEST")
    assert (streets.source.name, streets.target.name) == ("Iranian protesters", "Iran")
    demo = _one(code_text("Thousands of Serbians protested in Belgrade on Friday."), "PROTEST")
    assert (demo.source.name, demo.target.name) == ("Serbian protesters", "Serbia")
    # a protest made to someone is a complaint
    complaint = _one(code_text("Japan protested to China over the incursion."), "ACCUSE")
    assert complaint.target.name == "China"


def test_coder_an_amount_in_aid_to_a_recipient(code_text) -> None:
    pledge = _one(code_text("The European Union pledged 500 million euros in aid to "
                            "Ukraine."), "AGREE")
    assert pledge.target.name == "Ukraine"


def test_coder_aid_packages_of_different_sums_stay_apart(code_text) -> None:
    # GUIDELINES 2: two packages of one giver to one recipient on one day are two events,
    # told apart by the sums they give; one package told twice is one
    def aid(text: str) -> list[bool]:
        return [e.rule.endswith("+dup") for e in code_text(text, date(2022, 5, 10))
                if e.type == "AID"]

    assert aid("Norway announced $40 million in food assistance to Chad and released "
               "$15 million in development assistance to Chad.") == [False, False]
    assert aid("Norway provided $40 million in food assistance to Chad. Norway delivered "
               "the $40 million to Chad by ship.") == [False, True]
    # a mention with no sum is one of the packages named, not a third
    assert aid("Norway provided $40 million in food aid to Chad. Norway also provided "
               "tents to Chad.") == [False, True]
    # the near-misses keep their reading: a sum not given, a sum that would be
    for text, modality in (("Norway did not provide $40 million in aid to Chad.", "negated"),
                           ("Norway would provide $40 million in aid to Chad if asked.",
                            "hypothetical")):
        assert [e.modality for e in code_text(text, date(2022, 5, 10))
                if e.type == "AID"] == [modality], text


def test_coder_a_call_that_is_the_occasion_of_a_verb(code_text) -> None:
    # "in a phone call" is the subjects' contact, with whom the verb names
    for text in ("Putin and Erdogan discussed the grain deal in a phone call on Tuesday.",
                 "Putin discussed the grain deal with Erdogan in a phone call on Tuesday.",
                 "In a phone call on Tuesday, Putin told Erdogan that Russia was ready."):
        call = _one(code_text(text, date(2022, 11, 15)), "CONSULT")
        assert {a.name for a in call.actors} == {"Vladimir Putin", "Recep Tayyip Erdoğan"}, text
    # the topic discussed is no partner; a contact told before ("during the visit") and
    # many undated ones ("in previous meetings") are read back, not new
    assert not code_text("Biden discussed Ukraine in a meeting.", date(2022, 11, 15))
    assert not [e for e in code_text("In previous meetings with President Biden, we affirmed "
                                      "our commitment.", date(2022, 11, 15))
                if e.type == "CONSULT"]


def test_coder_groups_take_the_state_where_they_act(code_text) -> None:
    arrest = _one(code_text("Police arrested more than 100 protesters in Moscow on "
                            "Saturday."), "COERCE")
    assert {a.name for a in arrest.actors} == {"Russian police", "Russian protesters"}
    demo = _one(code_text("Protesters took to the streets of Hong Kong on Sunday."),
                "PROTEST")
    assert demo.source.name == "Hong Kong protesters"
    # where someone works is not where the act took place
    convicted = code_text("Cardinal George Pell, a senior figure at the Holy See, was "
                          "convicted.", date(2019, 5, 12))
    assert not [e for e in convicted if e.source is not None and e.source.name == "Vatican"]


def test_coder_sides_fighting_each_other(code_text) -> None:
    fire = _one(code_text("India and Pakistan exchanged fire along the Line of Control."),
                "ASSAULT")
    assert (fire.source.name, fire.target.name) == ("India", "Pakistan")
    strike = _one(code_text("A Russian missile strike killed 12 people in Dnipro on "
                            "Saturday."), "ASSAULT")
    assert (strike.source.name, strike.target.name) == ("Russia", "Ukraine")


def test_coder_a_writers_guess_is_no_report(code_text) -> None:
    for text in ("President Xi Jinping of China is likely to deploy troops to Hong Kong.",
                 "Xi will probably deploy troops to Hong Kong."):
        assert all(e.modality == "hypothetical" for e in code_text(text, date(2019, 11, 18))), text
    assert _one(code_text("Xi deployed troops to Hong Kong.", date(2019, 11, 18)),
                "MOBILIZE").modality == "asserted"


def test_coder_names_the_small_model_missed_or_cut_wrong(code_text) -> None:
    # an untagged full name of a serving leader, a title of two words, and an ORG span
    # ending in "of"
    meeting = _one(code_text("Hong Kong Chief Executive Carrie Lam met Xi Jinping in "
                             "Beijing.", date(2019, 11, 18)), "CONSULT")
    assert {a.name for a in meeting.actors} == {"Carrie Lam", "Xi Jinping"}
    trip = _one(code_text("Carrie Lam's recent trip to Beijing was about new guidance.",
                          date(2019, 11, 18)), "CONSULT")
    assert trip.mode == "visit" and {a.name for a in trip.actors} == {"Carrie Lam", "China"}
    signed = code_text("On Sunday Presidents Muhammadu Buhari of Nigeria and Patrice Talon of "
                       "Benin signed the African Continental Free Trade Area agreement.",
                       date(2019, 7, 8))
    assert {"Muhammadu Buhari", "Patrice Talon"} <= {a.name for e in signed for a in e.actors}


def test_coder_suing_and_organising(code_text) -> None:
    sued = _one(code_text("Microsoft took Google to court.", date(2018, 10, 9)), "ACCUSE")
    assert (sued.source.name, sued.target.name) == ("Microsoft", "Google")
    assert _one(code_text("Opposition leaders organised a rally in Dhaka on Saturday.",
                          date(2018, 10, 9)), "PROTEST").target.name == "Bangladesh"


def test_coder_a_wish_for_what_another_is_to_do_asks_it(code_text) -> None:
    request = _one(code_text("The US wants the UK to extradite Julian Assange over his "
                             "alleged role.", date(2019, 11, 20)), "REQUEST")
    assert (request.source.name, request.target.name) == ("United States", "United Kingdom")
    assert not [e for e in code_text("Russia wants to join the talks.") if e.type == "REQUEST"]
    # a passive clause asks nothing of its subject
    assert not [e for e in code_text("Bolsonaro has said publicly the Amazon rainforest "
                                     "should be opened up to agriculture.", date(2019, 8, 24))
                if e.type == "REQUEST"]


def test_coder_the_reason_for_an_act_names_no_one_acted_on(code_text) -> None:
    events = code_text("Patrick Carlineo was charged. He was arrested in April for the "
                       "March 21 call to the offices of Ilhan Omar.", date(2019, 11, 19))
    arrest = _one(events, "COERCE")
    assert "Ilhan Omar" not in {a.name for a in arrest.actors}
    thanks = _one(code_text("Secretary Blinken thanked Greece for its steadfast support to "
                            "Ukraine."), "SUPPORT")
    assert thanks.target.name == "Greece"


def test_coder_an_earlier_event_names_no_partner_of_the_next(code_text) -> None:
    events = code_text("Following President Biden's conversation with Prime Minister "
                       "Bennett on April 24, National Security Advisor Jake Sullivan met with "
                       "Israeli National Security Advisor Eyal Hulata.", date(2022, 4, 26))
    sides = [{a.name for a in e.actors} for e in events if e.type == "CONSULT"]
    assert {"Jake Sullivan", "Eyal Hulata"} in sides
    assert not [s for s in sides if {"Jake Sullivan", "Naftali Bennett"} <= s]


def test_coder_a_body_named_after_its_kind(code_text) -> None:
    # "airline Mahan Air": the small model tags the name a building (FAC)
    ban = _one(code_text("Germany on Monday banned Iranian airline Mahan Air from flying in "
                         "the European nation.", date(2019, 1, 23)), "SANCTION")
    assert (ban.source.name, ban.target.name) == ("Germany", "Mahan Air")


def test_coder_allies_such_as_a_state_and_a_subject_on_an_auxiliary(code_text) -> None:
    # "allies such as Germany" names Germany; the small model hangs "The US" on "been"
    request = _one(code_text("The airline transports weapons, according to Mike Pompeo. The "
                             "US has been encouraging allies such as Germany to restrict "
                             "Mahan's operations.", date(2019, 1, 23)), "REQUEST")
    assert (request.source.name, request.target.name) == ("United States", "Germany")


def test_coder_count_on_and_a_withdrawal_from_the_region(code_text) -> None:
    request = _one(code_text('Jens Stoltenberg wrote, "I count on Turkey to act with '
                             'restraint."', date(2019, 10, 15)), "REQUEST")
    assert request.target.name == "Turkey"
    events = code_text("Syrian government forces moved north. Syria said the army would stay "
                       "in Syria. Also on Sunday, the United States announced a complete "
                       "withdrawal from the region.", date(2019, 10, 15))
    retreat = _one(events, "RETREAT")
    assert (retreat.source.name, retreat.target.name) == ("United States", "Syria")


@pytest.mark.parametrize("text", [
    "Macron denounced the trade war between the United States and China.",
    "China protested against Pelosi's visit to Taiwan.",
    "Ukrainian troops marched into Kherson.",
    "Thousands of Brazilians took to the streets to celebrate Lula's victory.",
    "Russia and Iran carried out airstrikes on Tuesday.",
    "Putin threatened to use Russia's nuclear arsenal.",
    "Putin wants Ukraine to fall.",
    "Scholz said Ukraine could count on Germany.",
    "Peskov said in a conference call with reporters that Russia would not negotiate.",
])
def test_coder_review_misfires_stay_mended(code_text, text) -> None:
    # each of these was a misfire of this session's rules found in review: no attack in a
    # trade war, no street protest by a state or by troops, no protest in a celebration, no
    # allies fighting each other, no threat to one's own state, no request that a state
    # fall, no request in a pledge, no contact in a press call
    bad = {"Macron denounced": "ASSAULT", "China protested": "PROTEST",
           "Ukrainian troops": "PROTEST", "Thousands of": "PROTEST", "Russia and Iran": "ASSAULT",
           "Putin threatened": "THREATEN", "Putin wants": "REQUEST", "Scholz said": "REQUEST",
           "Peskov said": "CONSULT"}
    etype = next(t for k, t in bad.items() if text.startswith(k))
    assert not [e for e in code_text(text, date(2022, 11, 15))
                if e.type == etype and e.modality == "asserted"], text


def test_coder_review_contacts_kept(code_text) -> None:
    day = date(2022, 11, 15)
    sides = [{a.name for a in e.actors} for e in code_text(
        "In a call on Tuesday, Biden thanked Zelensky.", day) if e.type == "CONSULT"]
    assert sides == [{"Joe Biden", "Volodymyr Zelensky"}]
    talks = _one(code_text("Speaking after his talks with Scholz, Macron said Europe must stand "
                           "united.", day), "CONSULT")
    assert {a.name for a in talks.actors} == {"Emmanuel Macron", "Olaf Scholz"}
    passive = _one(code_text("Ukraine was discussed in a phone call between Biden and Scholz.",
                             day), "CONSULT")
    assert {a.name for a in passive.actors} == {"Joe Biden", "Olaf Scholz"}
    strike = _one(code_text("Turkish jets struck Kurdish militants in Syria.", day), "ASSAULT")
    assert strike.target.name == "Kurdish militants"


def test_coder_someone_elses_trip_is_theirs(code_text) -> None:
    # the named possessor made the trip, not the subjects of the clause after it
    trip = _one(code_text("Following President Biden's trip to Poland in March, the leaders "
                          "reaffirmed their commitment to NATO.", date(2022, 5, 10)), "CONSULT")
    assert {a.name for a in trip.actors} == {"Joe Biden", "Poland"}


def test_coder_a_state_its_subject_is_in_keeps_the_subject(code_text) -> None:
    # "are committed to": the small model labels the subject nsubj beside auxpass
    support = _one(code_text("The United States and Britain are committed to supporting "
                             "Ukraine.", date(2022, 5, 10)), "SUPPORT")
    assert {a.name for a in support.actors} == {"United States", "United Kingdom", "Ukraine"}
    # both in one state towards something that is no actor: no support of one by the other
    assert not [e for e in code_text("The United States and France are committed to "
                                     "protecting our environment.", date(2022, 5, 10))
                if e.type == "SUPPORT"]


def test_coder_a_contact_a_relative_clause_says_was_held(code_text) -> None:
    talks = _one(code_text("Macron said the talks he held with Putin on Friday were frank.",
                           date(2022, 7, 6)), "CONSULT")
    assert {a.name for a in talks.actors} == {"Emmanuel Macron", "Vladimir Putin"}
    assert str(talks.date) == "2022-07-01"
    # the clause's own object is another thing: "the day he held talks" is no contact of "day"
    assert not [e for e in code_text("The day Blinken held a press conference was sunny.",
                                     date(2022, 7, 6)) if e.type == "CONSULT"]


def test_coder_partners_from_a_place_hung_on_the_verb(code_text) -> None:
    # "from" under "met", not under "officials": still where the officials come from
    met = _one(code_text("Today Blinken met with fellow leaders from our NATO Allies to "
                         "discuss our shared commitment to collective defense.",
                         date(2022, 2, 25)), "CONSULT")
    assert {a.name for a in met.actors} == {"Antony Blinken", "NATO"}


def test_coder_material_acts_of_news_reports(code_text) -> None:
    day = date(2023, 6, 20)
    frozen = _one(code_text("Britain froze the assets of three Russian oligarchs on Monday.",
                            day), "SANCTION")
    assert (frozen.source.name, frozen.target.name) == ("United Kingdom", "Russia")
    # hostages and tourists are people a state's demonym names
    freed = _one(code_text("Hamas freed three Israeli hostages on Sunday.", day), "RETREAT")
    assert freed.target.name == "Israel"
    held = _one(code_text("Iranian authorities detained a French tourist.", day), "COERCE")
    assert (held.source.name, held.target.name) == ("Iran", "France")
    # the act a response is made of is the event
    ban = _one(code_text("Beijing retaliated by banning imports of Lithuanian goods.", day),
               "SANCTION")
    assert (ban.source.name, ban.target.name) == ("China", "Lithuania")
    # a launch into a sea attacks no one ("Sea" is no Seattle)
    assert not [e for e in code_text("North Korea fired a ballistic missile into the Sea of "
                                     "Japan.", day) if e.type == "ASSAULT"]


def test_coder_visits_to_cities_the_small_model_leaves_untagged(code_text) -> None:
    day = date(2023, 6, 27)
    paid = _one(code_text("Kishida paid a surprise visit to Kyiv on Tuesday.", day), "CONSULT")
    assert {a.name for a in paid.actors} == {"Fumio Kishida", "Ukraine"}
    went = _one(code_text("Prime Minister Rishi Sunak travelled to Odesa on Friday.", day),
                "CONSULT")
    assert {a.name for a in went.actors} == {"Rishi Sunak", "Ukraine"}


def test_coder_speaking_to_reporters_is_no_contact(code_text) -> None:
    contacts = [{a.name for a in e.actors} for e in code_text(
        "Speaking to reporters after meeting Erdogan, Putin said the grain deal could be "
        "revived.", date(2023, 6, 27)) if e.type == "CONSULT"]
    assert contacts == [{"Vladimir Putin", "Recep Tayyip Erdoğan"}]
    # ... and its time still frames what is said
    said = _one(code_text("Speaking to reporters on Monday, Blinken said he condemned Russia's "
                          "attacks on Odesa.", date(2019, 11, 20)), "ACCUSE")
    assert said.date == date(2019, 11, 18)
    assert not [e for e in code_text("Speaking to reporters on Monday, Blinken said he "
                                     "condemned Russia's attacks on Odesa.",
                                     date(2019, 11, 20)) if e.type == "CONSULT"]


def test_coder_statements_of_news_reports(code_text) -> None:
    day = date(2023, 6, 27)
    # a vow of revenge threatens
    vow = _one(code_text("Iran vowed revenge against Israel for the strike.", day), "THREATEN")
    assert vow.target.name == "Israel"
    assert not [e for e in code_text("Iran vowed revenge against Israel for the strike.", day)
                if e.type == "AGREE"]
    # a threat is made to whom its condition names as acting
    held = _one(code_text("China threatened resolute countermeasures if the US approved the "
                          "arms sale.", day), "THREATEN")
    assert held.target.name == "United States"
    # telling someone to act demands it; telling reporters something does not
    told = _one(code_text("The EU told Serbia to recognise Kosovo.", day), "REQUEST")
    assert (told.source.name, told.target.name) == ("European Union", "Serbia")
    assert not [e for e in code_text("Putin told reporters that Russia would help.", day)
                if e.type == "REQUEST"]


def test_coder_aid_of_news_reports(code_text) -> None:
    day = date(2023, 6, 27)
    for text, giver, receiver in [
            ("The EU disbursed 1.5 billion euros to Kyiv.", "European Union", "Ukraine"),
            ("The World Bank approved a $1.5 billion loan to Pakistan.", "World Bank",
             "Pakistan"),
            ("Australia gifted Ukraine 30 Bushmaster vehicles.", "Australia", "Ukraine"),
            # the make of the thing given is no party to it
            ("Germany handed over its first Patriot battery to Ukraine.", "Germany",
             "Ukraine")]:
        aid = _one(code_text(text, day), "AID")
        assert [a.name for a in aid.actors] == [giver, receiver], text
    # approving what is no aid gives nothing
    assert not [e for e in code_text("The president approved the use of force against "
                                     "Iraq.", day) if e.type == "AID"]


def test_coder_a_deed_named_back_is_its_doers(code_text) -> None:
    day = date(2023, 3, 22)
    text = ("Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state "
            "visit. Britain criticised the visit. Russian missiles struck Kyiv on Wednesday, "
            "killing three people. The attack was condemned by the United Nations.")
    blame = {(e.source.name, e.target.name) for e in code_text(text, day)
             if e.type == "ACCUSE"}
    assert blame == {("United Kingdom", "Xi Jinping"), ("United Nations", "Russia")}
    # a deed with an owner of its own, or of a kind the article has not reported, is not
    assert not [e for e in code_text("Britain criticised the attack.", day)
                if e.type == "ACCUSE"]


def test_coder_a_sole_doers_deed_is_named_back_from_afar(code_text) -> None:
    day = date(2023, 3, 22)
    calm = ("Rescue teams searched the rubble. The city was dark. Schools were closed. Shops "
            "stayed shut.")
    # one attacker in the article: "the attack" is theirs however far back it was told, and
    # a hostile name given to it accuses them
    text = f"Russian missiles struck Kyiv on Wednesday, killing three people. {calm} "
    for answer in ("Ukraine called the attack a war crime.", "Britain condemned the attack."):
        blame = _one(code_text(text + answer, day), "ACCUSE")
        assert blame.target.name == "Russia", answer
    # two attackers told long ago: "the attack" is no longer known to be either's
    text = ("Russian missiles struck Kyiv on Wednesday. Ukrainian drones struck Belgorod on "
            f"Thursday. {calm} Britain condemned the attack.")
    assert not [e for e in code_text(text, day) if e.type == "ACCUSE"]


@pytest.mark.parametrize(("text", "etype"), [
    # a hostile name accuses the one named or whose deed it is, not the victim or the place
    ("Biden called the attack on Israel an act of sheer evil.", "ACCUSE"),
    ("Biden called the war in Ukraine a disaster.", "ACCUSE"),
    # a response vowed or threatened is not yet done
    ("Iran vowed to retaliate by attacking US bases.", "ASSAULT"),
    ("Russia has threatened to respond by deploying nuclear weapons to Belarus.", "MOBILIZE"),
    # an order at home, or to the press, demands nothing of another side
    ("Biden told the Pentagon to send more weapons to Ukraine.", "REQUEST"),
    ("Biden told reporters to expect new sanctions on Russia.", "REQUEST"),
    # property seized by security forces is coercion, no sanction
    ("Israeli forces seized the property of a Palestinian family in Jerusalem.", "SANCTION"),
    # travel to a place that is no state or city of one
    ("Blinken traveled to Mar-a-Lago.", "CONSULT"),
])
def test_coder_session_fifteen_review_misfires_stay_mended(code_text, text, etype) -> None:
    assert not [e for e in code_text(text, date(2023, 6, 27)) if e.type == etype], text


def test_coder_session_fifteen_review_forms_kept(code_text) -> None:
    day = date(2023, 6, 27)
    blame = _one(code_text("Lula called the decision by the US a mistake.", day), "ACCUSE")
    assert blame.target.name == "United States"
    # a briefing's time dates what is said at it
    said = _one(code_text("Talking to journalists on Friday, Erdogan criticised Sweden.", day),
                "ACCUSE")
    assert said.date == date(2023, 6, 23)
    # the visit a deed noun points back to is a visit, not the latest call
    text = ("Biden visited Kyiv on Monday. On Tuesday, Macron spoke by phone with Xi "
            "Jinping. Russia condemned the visit.")
    condemned = _one(code_text(text, day), "ACCUSE")
    assert condemned.target.name == "Joe Biden"
    # the opening participle is no part of the name after it
    visit = _one(code_text("Following Zelensky's visit to Washington, Congress approved more "
                           "aid.", day), "CONSULT")
    assert visit.actors[0].name == "Volodymyr Zelensky"


def test_coder_a_meeting_held_names_its_sides_in_its_own_phrase(code_text) -> None:
    # a passive "held" names no agent: the sides are the meeting's own
    talks = _one(code_text("The Russia-Ukraine talks were held in Istanbul on Tuesday.",
                           date(2023, 6, 27)), "CONSULT")
    assert {a.name for a in talks.actors} == {"Russia", "Ukraine"}


def test_coder_calls_several_people_had_are_one_contact_each(code_text) -> None:
    day = date(2022, 7, 6)
    calls = [{a.name for a in e.actors} for e in code_text(
        "Macron said the calls that Scholz and Sunak had with Zelensky on Friday went well.",
        day) if e.type == "CONSULT"]
    assert sorted(calls, key=sorted) == [{"Olaf Scholz", "Volodymyr Zelensky"},
                                         {"Rishi Sunak", "Volodymyr Zelensky"}]
    # talks held together are one contact
    talks = [e for e in code_text("Scholz and Sunak held talks with Zelensky on Friday.", day)
             if e.type == "CONSULT"]
    assert len(talks) == 1 and len(talks[0].actors) == 3


def test_coder_a_participle_of_saying_is_no_refused_complement(code_text) -> None:
    reject = _one(code_text("Berlin rejected recent calls by Belarus's rulers for immediate "
                            "economic aid, saying it was withholding it.", date(2004, 1, 1)),
                  "REJECT")
    assert reject.source.name == "Germany"


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Microsoft filed a lawsuit against Google on Monday.", "Microsoft", "Google"),
    ("The United States Department of Justice unsealed further charges against Julian "
     "Assange.", "United States", "Julian Assange"),
    ("On Monday Microsoft filed suit against Google.", "Microsoft", "Google"),
])
def test_coder_a_suit_or_charges_against_someone_accuse_them(code_text, text, source,
                                                              target) -> None:
    """A lawsuit, a case or charges brought against someone attribute a wrong to them
    (GUIDELINES 5: ACCUSE, allege), as "sued" does."""
    event = _one(code_text(text), "ACCUSE")
    assert (event.source.name, event.target.name) == (source, target)
    assert event.mode == "allege"


@pytest.mark.parametrize(("text", "source", "target"), [
    ("A case was filed against Mark Brown by Mary Jones.", "Mary Jones", "Mark Brown"),
    ("Charges were brought against Mark Brown by Russian prosecutors.", "Russia",
     "Mark Brown"),
])
def test_coder_a_case_filed_in_the_passive_accuses_whom_its_verb_names(code_text, text,
                                                                       source, target) -> None:
    """In the passive the small model hangs "against X" on the light verb, not on the case:
    X is still the accused."""
    event = _one(code_text(text), "ACCUSE")
    assert (event.source.name, event.target.name) == (source, target)
    assert event.mode == "allege"


@pytest.mark.parametrize(("text", "source"), [
    ("Mark Brown was accused in Moscow of stealing cars.", "Russia"),
    ("Mark Brown was accused by Mary Jones of lying.", "Mary Jones"),
])
def test_coder_being_accused_of_a_deed_is_an_allegation(code_text, text, source) -> None:
    """"X is accused of ...": a specific act attributed (allege); with no "by" phrase, by the
    state where it is said to happen, as a charge is."""
    event = _one(code_text(text), "ACCUSE")
    assert (event.source.name, event.target.name, event.mode) == (source, "Mark Brown",
                                                                   "allege")


def test_coder_being_accused_with_no_accuser_or_place_is_no_event(code_text) -> None:
    assert not [e for e in code_text("Mark Brown is accused of stealing cars.")
                if e.type == "ACCUSE"]


@pytest.mark.parametrize(("text", "modality"), [
    ("Mark Brown was not accused in Moscow of stealing cars.", "negated"),
    ("Charges may be brought against Mark Brown by Russian prosecutors.", "hypothetical"),
])
def test_coder_an_accusation_not_made_is_not_asserted(code_text, text, modality) -> None:
    events = [e for e in code_text(text) if e.type == "ACCUSE"]
    assert events and all(e.modality == modality for e in events)


def test_coder_a_lawsuit_named_with_its_filer_is_their_accusation(code_text) -> None:
    """"a lawsuit filed by X on Sunday against Y" inside another clause is X's accusation of
    Y, of the day its participle gives."""
    events = code_text("On Wednesday, the court ruled in favor of a lawsuit filed by Microsoft "
                       "on Sunday against Google.", published=date(2022, 1, 14))
    suit = next(e for e in events if e.rule == "accuse.lawsuit_noun")
    assert (suit.source.name, suit.target.name) == ("Microsoft", "Google")
    assert suit.date == date(2022, 1, 9)


def test_coder_the_case_of_someone_accuses_no_one(code_text) -> None:
    assert not [e for e in code_text("Microsoft discussed the case of Google with Apple.")
                if e.type == "ACCUSE"]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Senator Elizabeth Warren called Facebook's policy a disgrace.", "Elizabeth Warren",
     "Facebook"),
    ("President Joe Biden called Vladimir Putin a war criminal.", "Joe Biden", "Vladimir Putin"),
    ('Tom Watson called Prime Minister Theresa May\'s proposed Brexit deal "lousy".',
     "Tom Watson", "Theresa May"),
])
def test_coder_a_hostile_name_given_accuses(code_text, text, source, target) -> None:
    """Calling something or someone by a hostile name ("called X a disgrace") criticises
    them, or whose deed it is."""
    event = _one(code_text(text), "ACCUSE")
    assert (event.source.name, event.target.name) == (source, target)
    assert event.rule == "accuse.naming"


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Iranian citizens have criticized their government's handling of the floods.",
     "Iranian citizens", "Iran"),
    ("Chinese citizens condemned the Chinese government.", "Chinese citizens", "China"),
])
def test_coder_a_people_blaming_its_own_state_is_a_group(code_text, text, source,
                                                         target) -> None:
    """A state's people who criticise their own government ("their government") are a
    group of their own (GUIDELINES 4), not the state blaming itself."""
    event = _one(code_text(text), "ACCUSE")
    assert (event.source.name, event.target.name) == (source, target)
    assert event.modality == "asserted"


def test_coder_a_people_not_blaming_its_own_state_accuses_no_one(code_text) -> None:
    # negated, praise, or a state's people blaming another state (named as the state)
    events = code_text("Iranian students did not criticize their government.")
    assert not [e for e in events if e.type == "ACCUSE" and e.modality == "asserted"]
    assert not [e for e in code_text("Iranian students praised their government.")
                if e.type == "ACCUSE"]
    blame = _one(code_text("Iranian citizens criticized Russia."), "ACCUSE")
    assert (blame.source.name, blame.target.name) == ("Iran", "Russia")


def test_coder_a_warm_name_given_accuses_no_one(code_text) -> None:
    for text in ("Emmanuel Macron called Angela Merkel a great friend.",
                 # a hostile name for a thing no actor owns accuses no one
                 "Prime Minister Jonas Berg called the cold weather a disgrace.",
                 # a warm name for a state's deed praises it
                 "Prime Minister Jonas Berg called the Russian ruling a great success."):
        assert not [e for e in code_text(text) if e.type == "ACCUSE"], text


@pytest.mark.parametrize(("text", "etype", "names"), [
    ("Activists filed a lawsuit against the state of Montana.", "ACCUSE", "Montana"),
    # (an accusation by a rule's word: "has claimed that" is the learned detector's, which
    # retraining may change)
    ("Valeska Paris, an Australian woman, accused the Church of Scientology of imprisoning "
     "her.", "ACCUSE", "Valeska Paris"),
])
def test_coder_federal_states_and_city_surnames_take_part(code_text, text, etype,
                                                           names) -> None:
    """Sides that are no state, person or named body still take part: a federal state
    named with its kind, and a person whose surname is a city's name."""
    events = [e for e in code_text(text) if e.type == etype]
    assert any(names in [a.name for a in e.actors] for e in events)


@pytest.mark.parametrize(("text", "etype", "pair", "state"), [
    ("Prime Minister Mark Rutte spoke today with Chancellor Olaf Scholz. Prime Minister Rutte "
     "thanked Chancellor Scholz for his leadership on energy, and they agreed to meet again "
     "in the spring.", "AGREE", {"Mark Rutte", "Olaf Scholz"}, "Germany"),
    ("Foreign Minister Catherine Colonna spoke today with Foreign Minister Annalena Baerbock "
     "and they jointly condemned the missile launch by North Korea.", "ACCUSE",
     {"Catherine Colonna", "Annalena Baerbock"}, "Germany"),
])
def test_coder_they_after_a_person_dealing_with_another_is_both(code_text, text, etype, pair,
                                                                state) -> None:
    """"A thanked B ..., and they agreed": the plural subject of the joined clause is the two
    people just named, not the first clause's subject alone (nor B's state)."""
    names = {a.name for a in _one(code_text(text), etype).actors}
    assert pair <= names and state not in names


def test_coder_they_are_the_contact_of_the_main_clause(code_text) -> None:
    """A contact named in a subordinate clause is background: "They" in the next sentence
    are those the main clause reports meeting."""
    events = code_text("After President Emmanuel Macron spoke with Chancellor Olaf Scholz on "
                       "Monday, Foreign Minister Annalena Baerbock met today with Foreign "
                       "Minister Catherine Colonna. They agreed to deepen cooperation on "
                       "energy.")
    agree = _one(events, "AGREE")
    assert {a.name for a in agree.actors} == {"Annalena Baerbock", "Catherine Colonna"}


@pytest.mark.parametrize(("url", "addressee"), [
    ("https://www.state.gov/x/", "Antony Blinken"),
    ("https://example.com/x", "United States"),
])
def test_coder_unaddressed_promise_to_the_releases_own_principal(coder, url, addressee
                                                                 ) -> None:
    """A counterpart's promise that names no addressee, in the release of the government
    whose official they met, is made to that official (in other articles, to their state)."""
    events = _remarks(coder, "", "Secretary of State Antony J. Blinken met today with "
                      "President Isaac Herzog of Israel. President Herzog committed to further "
                      "strengthening bilateral relations.", url=url)
    agree = _one(events, "AGREE")
    assert (agree.source.name, agree.target.name) == ("Isaac Herzog", addressee)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The European Union holds Belarus accountable for its role in the war.", "EUR", "BLR"),
    ("Germany held Russia responsible for the attack on the convoy.", "DEU", "RUS"),
])
def test_coder_holding_someone_to_account_accuses_them(code_text, text, source, target) -> None:
    """"holds Belarus accountable" blames Belarus, however the parser hangs the predicate
    (an object complement, or a small clause whose subject is Belarus)."""
    event = _one(code_text(text), "ACCUSE")
    assert event.rule == "accuse.hold_accountable"
    assert (event.source.country, event.target.country) == (source, target)


@pytest.mark.parametrize("text", [
    "Germany and France underscored their commitment to continue holding Iran accountable for "
    "its attacks on shipping.",
    "Secretary Blinken stressed the U.S. commitment to hold Iran to account for its abuses.",
])
def test_coder_a_pledge_to_hold_someone_to_account_accuses_them(code_text, text) -> None:
    """A commitment whose content is holding someone to account blames them now: the
    accusation is the event (asserted), not an agreement with anyone."""
    events = code_text(text)
    event = _one(events, "ACCUSE")
    assert event.rule == "accuse.hold_accountable" and event.modality == "asserted"
    assert event.target is not None and event.target.country == "IRN"
    assert not [e for e in events if e.type == "AGREE"]


@pytest.mark.parametrize("text", [
    "Secretary Blinken did not reaffirm the U.S. commitment to hold Iran accountable.",
    "Secretary Blinken and Minister Joly discussed the commitment to hold Iran accountable.",
])
def test_coder_a_pledge_not_stated_accuses_no_one(code_text, text) -> None:
    # the pledge denied or only talked about: no accusation stated
    events = code_text(text)
    assert not [e for e in events if e.type == "ACCUSE" and e.modality == "asserted"]


def test_coder_a_shared_concern_discussed_is_stated(code_text) -> None:
    """"discussed their shared concern about X" states the concern of both sides; a subject
    only talked about is no event."""
    events = code_text("Chancellor Scholz met President Macron in Berlin. They discussed their "
                       "shared concern about Iran's attacks on shipping.")
    event = _one(events, "ACCUSE")
    assert event.rule == "accuse.shared_concern" and event.target.country == "IRN"
    assert {"Olaf Scholz", "Emmanuel Macron"} <= {a.name for a in event.actors}
    assert not [e for e in code_text("Chancellor Scholz met President Macron in Berlin. They "
                                     "discussed the situation in Iran.") if e.type == "ACCUSE"]


def test_coder_holding_talks_or_custody_accuses_no_one(code_text) -> None:
    events = code_text("Germany held talks with Russia. Police held the suspect in custody.")
    assert not [e for e in events if e.type == "ACCUSE"]


def test_coder_a_call_for_someone_to_act_asks_it_of_them(code_text) -> None:
    """"called for Russia to withdraw": the parser makes "for" the mark of the infinitive
    clause, whose subject is the one asked."""
    event = _one(code_text("Germany called for Russia to withdraw its troops from Ukraine."),
                 "REQUEST")
    assert event.rule == "request.call_for"
    assert (event.source.country, event.target.country) == ("DEU", "RUS")


@pytest.mark.parametrize("text", [
    "Hungary has repeatedly rejected the demands of the European Commission.",
    "The Polish president has often stated that Germany must pay reparations.",
])
def test_coder_a_habit_summed_up_is_no_event(code_text, text) -> None:
    # an adverb of frequency sums up many acts, no one event (GUIDELINES 1: habitual)
    assert not [e for e in code_text(text) if e.type in ("REJECT", "REQUEST")]


def test_coder_a_dated_act_done_repeatedly_is_that_days_event(code_text) -> None:
    shelling = _one(code_text("Russian forces repeatedly shelled Kherson on Tuesday, killing "
                              "three people.", date(2023, 11, 16)), "ASSAULT")
    assert shelling.date == date(2023, 11, 14)


def test_coder_seeking_asks_only_someone_named_with_from(code_text) -> None:
    # what is sought is wanted; only "from X" names someone asked
    assert not [e for e in code_text("The French president sought a more united European "
                                     "Union.") if e.type == "REQUEST"]
    asked = _one(code_text("Kenya is seeking the suspect's extradition from Tanzania."),
                 "REQUEST")
    assert (asked.source.country, asked.target.country) == ("KEN", "TZA")
    # help, assurances or a meeting sought are asked of whoever gives them
    for text, target in (("Ukraine sought Germany's help on Tuesday.", "Germany"),
                         ("Israel is seeking the return of the hostages from Hamas.", "Hamas")):
        sought = _one(code_text(text, date(2023, 11, 16)), "REQUEST")
        assert sought.target is not None and sought.target.name == target
    # refuge is asked of the place that gives it (PLOVER codes it REQUEST)
    refuge = _one(code_text("Thousands of Syrians sought refuge in Turkey last month."),
                  "REQUEST")
    assert refuge.target is not None and refuge.target.country == "TUR"


def test_coder_a_request_between_officials_of_one_state_is_internal(code_text) -> None:
    # an instruction inside one government is no event between actors (GUIDELINES 1)
    assert not [e for e in code_text("President Emmanuel Macron asked Prime Minister "
                                     "Elisabeth Borne to form a new cabinet.", date(2022, 7, 1))
                if e.type == "REQUEST"]
    # a president and a predecessor or successor out of office are no one government
    handover = _one(code_text("Biden urged Trump on Tuesday to concede.", date(2023, 11, 16)),
                    "REQUEST")
    assert {a.name for a in handover.actors} == {"Joe Biden", "Donald Trump"}


def test_coder_an_offer_to_no_one_is_none(code_text) -> None:
    # co-sponsors proposing a bill offer nothing to anyone
    assert not [e for e in code_text("Senator Amy Klobuchar and Senator John Thune proposed "
                                     "a bill on Tuesday to cap drug prices.")
                if e.type == "AGREE"]


def test_coder_a_speaker_and_whom_the_speaker_serves_are_no_contact(code_text) -> None:
    # the person qualifying the speaker's title is whom the speaker works for, no second side
    assert not [e for e in code_text("A former Biden aide, Ron Klain, also spoke at the "
                                     "conference on Tuesday.") if e.type == "CONSULT"]


def test_coder_a_past_deed_is_not_dated_ahead_by_another_clause(code_text) -> None:
    # "to be held on June 9" speaks of the election: the rally was held on the Friday before
    events = code_text("On Friday, Maria Kolesnikova, a candidate in the election to be held "
                       "on June 9, held a rally in Minsk.", date(2022, 1, 17))
    assert _one(events, "PROTEST").date == date(2022, 1, 14)


def test_coder_an_agreement_reported_by_one_side_is_between_the_states(code_text) -> None:
    # the one who reports that two states agreed is no party to it; a state's own position
    # a speaker voices is still the speaker's
    deal = _one(code_text("Trump said on Oct. 11 that the United States and China had "
                          "reached a deal.", date(2019, 11, 18)), "AGREE")
    assert {a.name for a in deal.actors} == {"United States", "China"}
    assert deal.date == date(2019, 10, 11)
    voiced = _one(code_text("Biden said the United States would support Ukraine.",
                            date(2022, 3, 1)), "AGREE")
    assert voiced.source is not None and voiced.source.name == "Joe Biden"


def test_coder_two_states_that_agreed_are_the_two_sides(code_text) -> None:
    # an agreement reached by two states tells that they have been talking: "the two sides"
    # of a later sentence are they
    events = code_text("Mr. Trump announced on Oct. 11 that the United States and China had "
                       "reached a trade deal. The two sides continue to negotiate.",
                       date(2019, 11, 18))
    talks = _one(events, "CONSULT")
    assert {a.name for a in talks.actors} == {"United States", "China"}


@pytest.mark.parametrize("text", [
    "Trade disputes have made China wary of offering concessions to the United States.",
    "Germany was hesitant to send tanks to Ukraine.",
    "The Chinese have been reluctant to commit to a meeting with Trump.",
])
def test_coder_reluctance_is_no_act(code_text, text) -> None:
    # what someone is wary of, reluctant or unwilling to do has not been done
    assert all(e.modality == "negated" for e in code_text(text, date(2019, 11, 18)))


@pytest.mark.parametrize(("text", "partner"), [
    ("Modi arrived in Moscow on Monday for talks with Putin.", "Vladimir Putin"),
    ("Scholz flew to Washington on Thursday for a meeting with Biden.", "Joe Biden"),
])
def test_coder_a_journey_for_talks_with_someone_meets_them(code_text, text, partner) -> None:
    # whom the talks a journey is for are with is the one met, not only the place
    visit = _one(code_text(text, date(2023, 11, 16)), "CONSULT")
    assert partner in {a.name for a in visit.actors} and visit.mode == "visit"


def test_coder_where_a_named_side_is_is_no_side(code_text) -> None:
    # "in Hanoi" below a name says where the talks were, not who took part
    talks = _one(code_text("Talks between Kim Jong Un and Trump in Hanoi collapsed.",
                           date(2019, 11, 16)), "CONSULT")
    assert {a.name for a in talks.actors} == {"Kim Jong-un", "Donald Trump"}


@pytest.mark.parametrize(("text", "sides"), [
    ("Putin and Macron discussed the situation in Ukraine by phone on Monday.",
     {"Vladimir Putin", "Emmanuel Macron"}),
    ("Biden discussed Gaza with Sunak by phone on Sunday.", {"Joe Biden", "Rishi Sunak"}),
])
def test_coder_a_topic_discussed_by_phone_is_a_call(code_text, text, sides) -> None:
    # the topic is no party; a pledge of support names whom it is for
    call = _one(code_text(text, date(2023, 11, 16)), "CONSULT")
    assert {a.name for a in call.actors} == sides and call.mode == "phone"


def test_coder_a_pledge_of_support_for_someone_is_made_to_them(code_text) -> None:
    pledge = _one(code_text("Blinken pledged continued support for Ukraine.",
                            date(2023, 11, 16)), "AGREE")
    assert {a.name for a in pledge.actors} == {"Antony Blinken", "Ukraine"}


def test_coder_earlier_contact_of_the_same_sides_is_its_own(code_text) -> None:
    # "their April 24 meeting" is an earlier contact of the two who spoke today (GUIDELINES 6:
    # an event told in retrospect takes its own date); what follows is of today's call
    events = code_text("Secretary of State Antony Blinken spoke today with Ukrainian Foreign "
                       "Minister Dmytro Kuleba to follow up on their April 24 meeting in Kyiv. "
                       "The Secretary condemned Russia's attacks on civilians.",
                       date(2022, 5, 10))
    contacts = sorted((e.date, e.date_precision) for e in events if e.type == "CONSULT")
    assert contacts == [(date(2022, 4, 24), "day"), (date(2022, 5, 10), "day")]
    assert all({a.name for a in e.actors} == {"Antony Blinken", "Dmytro Kuleba"}
               for e in events if e.type == "CONSULT")
    assert _one(events, "ACCUSE").date == date(2022, 5, 10)


def test_coder_week_over_two_months_is_dated_by_its_month(code_text) -> None:
    # read on March 8, "last week" is February 28 to March 6: a week of March (GUIDELINES 6
    # dates "last week" by its month), not of February, where its Monday lies
    event = _one(code_text("Russian forces shelled Kharkiv last week.", date(2022, 3, 8)),
                 "ASSAULT")
    assert (event.date, event.date_precision) == (date(2022, 3, 1), "month")


def test_coder_we_met_in_remarks_is_the_speaker_and_the_one_addressed(coder) -> None:
    # "we" with no one else named: the speaker and the one spoken to, on the day named
    events = _remarks(coder, "Secretary Antony J. Blinken and Ukrainian Foreign Minister Dmytro "
                      "Kuleba at a Joint Press Availability",
                      "FOREIGN MINISTER KULEBA: Secretary Blinken, it’s an honor for me to welcome "
                      "you today in Kyiv. We last met in Brussels on the 27th of August, before "
                      "the holidays.\n\nSECRETARY BLINKEN: Thank you, Dmytro.",
                      url="https://www.state.gov/x/")
    earlier = [e for e in events if e.type == "CONSULT" and e.date == date(2021, 8, 27)]
    assert earlier and {a.name for a in earlier[0].actors} == {"Antony Blinken", "Dmytro Kuleba"}


def test_coder_drills_staged_around_a_state_are_aimed_at_it(code_text) -> None:
    # the small model lemmatizes "staged" as "stag"
    drills = _one(code_text("China staged military drills around Taiwan on Saturday.",
                            date(2023, 11, 16)), "MOBILIZE")
    assert {a.name for a in drills.actors} == {"China", "Taiwan"}


def test_coder_what_is_blocked_did_not_happen(code_text) -> None:
    events = code_text("Hungary blocked new EU sanctions on Russia.", date(2023, 11, 16))
    assert events and all(e.modality == "negated" for e in events)


def test_coder_someone_in_a_place_for_talks_is_visiting(code_text) -> None:
    visit = _one(code_text("Lavrov was in Ankara on Tuesday for talks with Cavusoglu.",
                           date(2021, 11, 16)), "CONSULT")
    assert {a.name for a in visit.actors} == {"Sergei Lavrov", "Mevlüt Çavuşoğlu"}
    assert visit.mode == "visit"
    # being for talks (in favour of them) is no visit
    assert not code_text("The United States is for talks with Iran.", date(2021, 11, 16))


def test_coder_a_meeting_something_was_agreed_at_took_place(code_text) -> None:
    # the occasion hangs on the infinitive; those who agreed there met there
    events = code_text("Kishida and Yoon agreed to restore ties at a summit in Tokyo.",
                       date(2023, 3, 20))
    summit = _one(events, "CONSULT")
    assert {a.name for a in summit.actors} == {"Fumio Kishida", "Yoon Suk Yeol"}


def test_coder_we_in_joint_remarks_are_every_principal(coder) -> None:
    # "we" of joint remarks is every principal named in the title, not the speaker and the
    # one last addressed
    title = ("Remarks by President Biden, Prime Minister Lapid, President bin Zayed Al Nahyan, "
             "and Prime Minister Modi at I2U2 Virtual Event")
    text = ("PRESIDENT BIN ZAYED: Thank you, Mr. President.\n\nPRIME MINISTER LAPID: Thank "
            "you, Mohamed. We sat around the table and spoke about water and food security.")
    talk = _one(_remarks(coder, title, text, published=date(2022, 7, 14)), "CONSULT")
    assert len(talk.actors) == 4


def test_coder_the_country_of_a_title_before_an_unknown_name_is_theirs(code_text) -> None:
    # "the Foreign Minister of Peru, <name>": Peru is the minister's country, no second side,
    # even when the knowledge base does not know the minister
    meeting = _one(code_text("The Foreign Minister of Peru, Oscar Maurtua, met with Secretary "
                             "Blinken on Tuesday.", date(2022, 2, 24)), "CONSULT")
    assert {a.name for a in meeting.actors} == {"Oscar Maurtua", "Antony Blinken"}


def test_coder_a_summoned_ambassador_named_with_a_day_is_the_target(code_text) -> None:
    # "on Monday" is caught by the rule's "on" phrase, but a day is no party: the ambassador
    # summoned stays the one summoned (their state, being unnamed)
    summons = _one(code_text("Iran summoned the British ambassador on Monday.",
                             date(2023, 3, 11)), "ACCUSE")
    assert [a.name for a in summons.actors] == ["Iran", "United Kingdom"]


def test_coder_the_government_of_a_news_story_is_its_setting(coder) -> None:
    # a bare "the government" in the news is the government of the state the story has named
    # most so far; a government's own release says it of others, so there it stays unread
    text = ("Protests spread across Bolivia on Monday.\n\nOmbudsman Maria Lopez called on the "
            "government to withdraw the troops.")

    def requests(url: str) -> list[list[str]]:
        article = Article(url=url, title="", text=text, origin="test",
                          published=date(2019, 11, 20), id="a_test")
        return [[a.name for a in e.actors] for e in coder.code(article) if e.type == "REQUEST"]

    assert requests("https://news.example.com/a") == [["Maria Lopez", "Bolivia"]]
    assert requests("https://www.state.gov/x/") == []


@pytest.mark.parametrize("text", [
    "In the 80th minute Carlos Mendes conceded a penalty which the referee awarded Brazil.",
    "Argentina started the match with attacking style with Lionel Messi and Angel Di Maria.",
])
def test_coder_football_scores_and_play_are_no_events(code_text, text) -> None:
    # a penalty conceded is a score, a side attacking a style plays: no concession, no attack
    assert not [e for e in code_text(text) if e.type in ("CONCEDE", "ASSAULT")]


def test_coder_a_position_held_in_the_simple_present_is_no_statement(code_text) -> None:
    # "opposes" with no time of its own is a stance the candidate has (GUIDELINES 1)
    assert not code_text("Jane Smith, the Libertarian candidate, opposes the Federal Reserve "
                         "and the Internal Revenue Service.")
    # ... opposing on a day is an event
    blame = _one(code_text("Senator Smith opposed the Russian invasion on Monday."), "ACCUSE")
    assert blame.target is not None and blame.target.country == "RUS"


def test_coder_an_airline_offering_flights_promises_nothing(code_text) -> None:
    # a service sold is no offer to the state the flights go to
    assert not code_text("Delta and United are among the airlines affected, as they both "
                         "offer flights to Venezuelan cities.")
    assert _one(code_text("Egypt offered Israel a ceasefire proposal."), "AGREE")


def test_coder_a_position_reported_by_its_speaker_is_a_statement(code_text) -> None:
    # a stance in the simple present is no event, but one a spokesman is reported saying is
    # the statement made
    said = _one(code_text("Russia opposes NATO's expansion, Kremlin spokesman Dmitry Peskov "
                          "told reporters.", date(2023, 3, 10)), "ACCUSE")
    assert {a.name for a in said.actors} == {"Dmitry Peskov", "NATO"}


def test_coder_an_event_noun_that_may_happen_is_hypothetical(code_text) -> None:
    for text in ("The United States' possible killing of the al-Qaeda leader would be a major "
                 "blow, analysts said.",
                 "Any Israeli killing of the Hezbollah leader would trigger a war, Iran warned."):
        assert all(e.modality == "hypothetical"
                   for e in code_text(text, date(2023, 3, 10)) if e.type == "ASSAULT")
    done = _one(code_text("Saudi Arabia's killing of Jamal Khashoggi drew condemnation.",
                          date(2023, 3, 10)), "ASSAULT")
    assert done.modality == "asserted"


def test_coder_a_state_offering_a_discount_offers_it(code_text) -> None:
    # only an airline's flights, tickets and fares are sold, not offered to a party
    offer = _one(code_text("Russia offered India a discount on crude oil on Tuesday.",
                           date(2023, 3, 10)), "AGREE")
    assert [a.name for a in offer.actors] == ["Russia", "India"]


def test_coder_a_need_whose_phrase_names_someone_is_not_the_counterparts(coder) -> None:
    # the need for international support is asked of the world (the training labels code
    # it so), never of the call's other side
    text = ("Secretary Blinken met with Ukrainian Foreign Minister Kuleba today. The Secretary "
            "reiterated the need for continued international support for Ukraine.")
    assert [e.target.name for e in _remarks(coder, "Readout", text, url="https://www.state.gov/x/",
                                            published=date(2023, 3, 10))
            if e.type == "REQUEST" and e.target is not None] in ([], ["international community"])


def test_coder_the_government_of_speakers_of_another_state_is_not_the_settings(
        code_text) -> None:
    text = ("Russia fired 80 missiles at Ukraine on Monday, Russia's defence ministry said. "
            "Russia said it hit energy targets. Ukrainian lawmakers urged the government to buy "
            "more air defences.")
    assert not [e for e in code_text(text, date(2023, 3, 10)) if e.type == "REQUEST"]


def test_coder_a_day_hung_on_the_object_dates_the_act(code_text) -> None:
    # the small model hangs "on Monday" on "ambassador"; a person has no day of its own
    summons = _one(code_text("Russia summoned the British ambassador on Monday over the "
                             "sanctions.", date(2023, 3, 10)), "ACCUSE")
    assert summons.date == date(2023, 3, 6)


def test_coder_a_day_word_closes_no_name(code_text) -> None:
    call = _one(code_text("Secretary Blinken spoke with Ethiopian Prime Minister Abiy today.",
                          date(2023, 3, 10)), "CONSULT")
    assert {a.name for a in call.actors} == {"Antony Blinken", "Abiy Ahmed"}


def test_coder_a_phone_call_made_to_someone_is_a_call_with_them(code_text) -> None:
    # issue 8's own example of a nominal event: "a phone call made by X to Y last July"
    call = _one(code_text("A phone call made by Trump to Zelensky last July is at the centre "
                          "of the inquiry.", date(2019, 10, 10)), "CONSULT")
    assert {a.name for a in call.actors} == {"Donald Trump", "Volodymyr Zelensky"}
    assert (call.mode, call.date) == ("phone", date(2019, 7, 1))


def test_coder_a_participle_set_off_by_commas_describes_its_noun(code_text) -> None:
    talks = _one(code_text("Lavrov, speaking after talks with his Chinese counterpart Wang Yi, "
                           "said relations were at their best ever.", date(2023, 6, 23)),
                 "CONSULT")
    assert {a.name for a in talks.actors} == {"Sergei Lavrov", "Wang Yi"}


def test_coder_someone_on_a_visit_is_visiting(code_text) -> None:
    visit = _one(code_text("Modi was on a two-day visit to Washington.", date(2023, 6, 23)),
                 "CONSULT")
    assert [a.name for a in visit.actors] == ["Narendra Modi", "United States"]
    assert not code_text("The talks were on a knife edge.", date(2023, 6, 23))


def test_coder_a_body_the_model_tags_in_part_is_the_body(code_text) -> None:
    # the small model tags "Islamic" as a nationality and "State" as nothing
    attack = _one(code_text("Islamic State claimed responsibility for the attack on a Kabul "
                            "school.", date(2023, 6, 23)), "ASSAULT")
    assert [a.name for a in attack.actors] == ["Islamic State", "Afghanistan"]


def test_coder_second_review_mends(code_text, coder) -> None:
    day = date(2023, 3, 10)
    # a position analysts describe is no statement of the state's
    assert not code_text("Turkey opposes Sweden's membership in NATO, analysts said.", day)
    # an airline's new route is sold, not offered to a state
    assert not code_text("Emirates offered a new route to Caracas, Venezuela.", day)
    # "any" over strikes that happened does not make them hypothetical
    strikes = _one(code_text("Any Russian strikes on Kyiv were repelled by Ukrainian air "
                             "defences on Monday, the military said.", day), "ASSAULT")
    assert strikes.modality == "asserted"
    # a capitalised "Today" is part of a name
    blame = _one(code_text("Mexican President Andres Manuel Lopez Obrador accused USA Today of "
                           "lying about cartel violence.", day), "ACCUSE")
    assert "USA Today" in {a.name for a in blame.actors}
    # a partner in the need's phrase leaves it asked of the other side of the call
    text = ("Secretary Blinken spoke today with Armenian Prime Minister Pashinyan. The "
            "Secretary underscored the need for a durable peace with Azerbaijan.")
    asks = [e for e in _remarks(coder, "Readout", text, url="https://www.state.gov/x/",
                                published=day) if e.type == "REQUEST"]
    assert [[a.name for a in e.actors] for e in asks] == [["Antony Blinken", "Armenia"]]
    # a foreign official urging "the government" presses the story's state
    text = ("Venezuelan security forces detained an opposition leader on Monday. The European "
            "Union urged the government to release him.")
    urged = _one(code_text(text, day), "REQUEST")
    assert [a.name for a in urged.actors] == ["European Union", "Venezuela"]


def test_coder_a_name_of_contempt_accuses_everyone_named(code_text) -> None:
    day = date(2019, 10, 10)
    # VADER scores "a dictator" as neutral; the data lists names of contempt
    blame = _one(code_text("Biden called Putin a dictator.", day), "ACCUSE")
    assert [a.name for a in blame.actors] == ["Joe Biden", "Vladimir Putin"]
    both = _one(code_text("Erdogan named both the PKK and the YPG as terrorists.", day),
                "ACCUSE")
    assert len(both.actors) == 3
    # naming someone to an office, or a warm name, blames no one
    assert not code_text("Merkel named Scholz as her successor.", day)
    assert not code_text("Biden called Macron a great friend.", day)


def test_coder_a_name_of_a_wrong_deed_accuses_its_doer(code_text) -> None:
    day = date(2022, 1, 14)
    # VADER scores "barbarity" and "coup" as neutral; a deed named by them, or by a light
    # noun whose "of" phrase names one ("an act of aggression"), is criticised
    blame = _one(code_text("Senator Ivo Petrov called Belarus's blockade an act of "
                           "aggression.", day), "ACCUSE")
    assert ([a.name for a in blame.actors], blame.rule) == (
        ["Ivo Petrov", "Belarus"], "accuse.naming")
    coup = _one(code_text('Opposition leader Ivo Petrov called the Belarusian government\'s '
                          'decision "a coup against the parliament".', day), "ACCUSE")
    assert [a.name for a in coup.actors] == ["Ivo Petrov", "Belarus"]
    # the deed named back is the article's latest shooting, whose doer is accused
    text = ("Russian forces shot dozens of civilians in Bucha on Monday, Ukrainian officials "
            'said. Senator Ivo Petrov called the shooting "an act of barbarity".')
    shot = _one(code_text(text, day), "ACCUSE")
    assert shot.target is not None and shot.target.name == "Russia"
    # an act of a warm kind, or of no actor, blames no one; a denied naming is negated
    assert not [e for e in code_text("Senator Ivo Petrov called Belarus's offer an act of "
                                     "generosity.", day) if e.type == "ACCUSE"]
    assert not [e for e in code_text("Senator Ivo Petrov called the earthquake an act of "
                                     "God.", day) if e.type == "ACCUSE"]
    denied = _one(code_text("Senator Ivo Petrov did not call Belarus's blockade an act of "
                            "aggression.", day), "ACCUSE")
    assert denied.modality == "negated"


def test_coder_a_call_placed_is_made(code_text) -> None:
    call = _one(code_text("Macron placed a video call to Putin on Friday.", date(2023, 3, 10)),
                "CONSULT")
    assert ({a.name for a in call.actors}, call.mode) == (
        {"Emmanuel Macron", "Vladimir Putin"}, "phone")
    plan = _one(code_text("Scholz will place a phone call to Putin next week.",
                          date(2023, 3, 10)), "AGREE")
    assert {a.name for a in plan.actors} == {"Olaf Scholz", "Vladimir Putin"}


def test_coder_attack_named_by_a_noun_is_no_planned_threat(code_text) -> None:
    # "resolve to respond to Putin's attack on Ukraine": the attack a noun names is done, no
    # threat held over Ukraine; the response is the threat, to the attacker
    events = code_text("President Biden and the G7 leaders reaffirmed their resolve to respond "
                       "swiftly to President Putin's unprovoked attack on Ukraine.",
                       published=date(2022, 5, 10))
    threats = [e for e in events if e.type == "THREATEN"]
    assert threats and all(e.target.name != "Ukraine" for e in threats)


def test_coder_whoever_will_pay_a_price_is_warned(code_text) -> None:
    # "Russia would pay a heavy price": the one to pay is threatened, by whoever says so
    events = code_text("President Biden said Russia would pay a heavy price for any further "
                       "aggression.", published=date(2022, 5, 10))
    threat = _one(events, "THREATEN")
    assert threat.source.name == "Joe Biden" and threat.target.name == "Russia"
    assert threat.mode == "restrict"
    # a price paid is no warning
    assert not [e for e in code_text("Ukraine paid a high price for its independence, "
                                     "President Zelensky said.", published=date(2022, 5, 10))
                if e.type == "THREATEN"]


def test_coder_price_someone_is_to_be_made_to_pay_is_a_warning(code_text) -> None:
    # "work to ensure that Russia pays a severe price" aims at the cost, a warning
    events = code_text("President Biden said the allies will work to ensure that Russia pays a "
                       "severe price.", published=date(2022, 5, 10))
    assert _one(events, "THREATEN").target.name == "Russia"


def test_coder_attack_near_a_place_hits_its_state(code_text) -> None:
    # "near Erbil" places the attack as "in Erbil" would: Iraq is the state hit
    attack = _one(code_text("The minister condemned the Iranian rocket attacks near Kirkuk."),
                  "ASSAULT")
    assert (attack.source.name, attack.target.name) == ("Iran", "Iraq")


def test_coder_condemned_attack_is_dated_by_the_condemnation(code_text) -> None:
    # the attack came before the condemnation made in yesterday's call: that day anchors it
    events = code_text("Secretary of State Antony J. Blinken spoke yesterday with Iraqi Foreign "
                       "Minister Fuad Hussein. The Secretary condemned the Iranian rocket "
                       "attacks near Kirkuk.", date(2022, 6, 15))
    attack = _one(events, "ASSAULT")
    assert (attack.date, attack.date_inferred) == (date(2022, 6, 14), True)


@pytest.mark.parametrize(("text", "etype", "doer", "target"), [
    ("Chancellor Scholz thanked Norway for imposing sanctions on Iran.", "SANCTION",
     "Norway", "Iran"),
    ("President Macron thanked Austria for sending medical supplies to Moldova.", "AID",
     "Austria", "Moldova"),
    ("President Biden lauded Japan's leadership in imposing sanctions on North Korea.",
     "SANCTION", "Japan", "North Korea"),
])
def test_coder_deed_praised_is_done_by_the_one_praised(code_text, text, etype, doer,
                                                       target) -> None:
    # the thanks is one event, the sanctions or aid thanked for another, done by whoever is
    # thanked for them (not by the one thanking)
    events = code_text(text)
    deed = _one(events, etype)
    assert (deed.source.name, deed.target.name) == (doer, target)
    assert _one(events, "SUPPORT").target.name == doer


def test_coder_thanks_for_holding_back_is_no_deed(code_text) -> None:
    events = code_text("Chancellor Scholz thanked Norway for not imposing tariffs on Iran.")
    assert not [e for e in events if e.type == "SANCTION"]


@pytest.mark.parametrize(("text", "day", "precision"), [
    # a span over two months: what was done during it is known done by its last day
    ("From March 28 to April 4, Foreign Minister Anna Kovac traveled to Poland and Romania to "
     "meet with government officials.", date(2022, 4, 4), "day"),
    # a span inside one month is dated by the month (GUIDELINES 6, multi-day events)
    ("Between March 2 and March 5, Foreign Minister Anna Kovac visited Poland.",
     date(2022, 3, 1), "month"),
])
def test_coder_contact_over_a_span_of_days(code_text, text, day, precision) -> None:
    visits = [e for e in code_text(text, published=date(2022, 4, 12)) if e.type == "CONSULT"]
    assert visits and {(e.date, e.date_precision) for e in visits} == {(day, precision)}


def test_coder_day_then_dash_is_no_span(code_text) -> None:
    # "on March 1 - March 2 was quieter": the dash sets off a clause, the day stands alone
    events = code_text("Russia shelled Kherson on March 1 - March 2 was quieter, officials "
                       "said.", published=date(2023, 3, 10))
    assert (_one(events, "ASSAULT").date, _one(events, "ASSAULT").date_precision) == (
        date(2023, 3, 1), "day")


@pytest.mark.parametrize("text, pairs", [
    ("President Biden spoke today with President Emmanuel Macron of France. They reviewed "
     "their recent conversations with their Russian and Ukrainian counterparts.",
     {("Joe Biden", "Vladimir Putin"), ("Joe Biden", "Volodymyr Zelensky"),
      ("Emmanuel Macron", "Vladimir Putin"), ("Emmanuel Macron", "Volodymyr Zelensky")}),
    ("President Biden spoke today with Chancellor Olaf Scholz of Germany. The leaders "
     "discussed their respective conversations with President Putin.",
     {("Joe Biden", "Vladimir Putin"), ("Olaf Scholz", "Vladimir Putin")}),
    ("President Biden spoke today with President Emmanuel Macron of France. President Macron "
     "briefed on his recent meetings in Russia and Ukraine.",
     {("Emmanuel Macron", "Russia"), ("Emmanuel Macron", "Ukraine")}),
])
def test_coder_contacts_told_inside_a_readout_are_each_sides_own(coder, text, pairs) -> None:
    """Past contacts of a call's sides reviewed in it are one contact per side and
    counterpart (GUIDELINES 6: undated, the readout's day), not parties of the call. Only
    in a readout, whose "they" are the sides of its contact."""
    def told(url: str) -> set[tuple[str, ...]]:
        events = coder.code(Article(url=url, title="", text=text, origin="test", id="a_test",
                                    published=date(2022, 2, 15)))
        return {tuple(a.name for a in e.actors) for e in events
                if e.type == "CONSULT" and e.rule.startswith("consult.meeting_bare")}

    assert told("https://www.whitehouse.gov/x/") == pairs
    assert told("https://news.example.com/x") == set()


@pytest.mark.parametrize("text", [
    # "their" of others the clause names, a telling not done, a review planned
    "They praised Gulf partners for their recent meetings with Iranian officials.",
    "President Macron did not brief on his meetings in Russia and Ukraine.",
    "The two leaders' advisers will review their conversations with their Russian "
    "counterparts.",
])
def test_coder_contacts_told_inside_a_readout_need_the_sides_telling_them(coder,
                                                                          text) -> None:
    events = coder.code(Article(
        url="https://www.whitehouse.gov/x/", title="", origin="test", id="a_test",
        published=date(2022, 2, 15),
        text="President Biden spoke today with President Emmanuel Macron of France. " + text))
    assert not [e for e in events if e.rule.startswith("consult.meeting_bare")]


def test_coder_aim_said_with_a_copula_is_no_request(code_text) -> None:
    # "one of the goals of X is to encourage ...": what an aim is equated with is intended,
    # not done
    events = code_text("One of the stated goals of ECOWAS is to encourage more intra-Africa "
                       "trade.")
    assert not [e for e in events if e.type == "REQUEST" and e.modality == "asserted"]


def test_coder_what_a_result_was_is_done(code_text) -> None:
    # "the result of the effort was that ...": no aim, the sanctions were imposed
    events = code_text("The result of the effort was that the EU imposed sanctions on Russian "
                       "banks on Monday.", published=date(2023, 3, 10))
    assert _one(events, "SANCTION").modality == "asserted"


def test_coder_research_supported_is_funding_not_support(code_text) -> None:
    # a study "supported by" foundations is funded by them: no side taken, no SUPPORT
    events = code_text("The study was supported by the Wellcome Trust and the National "
                       "Science Foundation.")
    assert not [e for e in events if e.type == "SUPPORT"]


def test_coder_leader_asking_his_security_council_is_internal(code_text) -> None:
    # a state's security council is an office of its government: the President asking it
    # is an instruction inside one government (GUIDELINES 1)
    events = code_text("President Donald Trump personally asked the United States National "
                       "Security Council to help the students enter the country.",
                       published=date(2017, 7, 18))
    assert not [e for e in events if e.type == "REQUEST"]


def test_coder_subject_hung_on_the_conjunction_is_the_clauses_own(code_text) -> None:
    # "after Theresa May stepped down": the small model makes "May" the object of "after";
    # the clause's subject is hers, not that of the main clause
    events = code_text("Johnson became leader of the Conservative Party and prime minister "
                       "after Theresa May stepped down on July 24.", published=date(2019, 9, 11))
    assert {r.name for e in events if e.type == "RETREAT" for r in e.actors} == {"Theresa May"}


def test_coder_act_an_allegation_says_is_alleged(code_text) -> None:
    # "an allegation that X assaulted Y", read by the small model as a relative clause of
    # "allegation": the assault is alleged, not reported
    events = code_text("Police arrested Peter Novak on Friday. The arrest came after an "
                       "allegation that Novak assaulted his neighbour, Ivan Horvat.")
    assert not [e for e in events if e.type == "ASSAULT" and e.modality == "asserted"]


def test_coder_sequel_of_a_recent_event_keeps_its_own_date(code_text) -> None:
    # "after protests erupted in September": the act came later, on a day unsaid (GUIDELINES
    # 6: the publication date, inferred), not in September
    sanction = _one(code_text("The United States imposed sanctions on Iran after protests "
                              "erupted in September 2022.", published=date(2023, 3, 10)),
                    "SANCTION")
    assert (sanction.date, sanction.date_inferred) == (date(2023, 3, 10), True)


def test_coder_sequel_of_an_old_event_is_background(code_text) -> None:
    # "offered assistance after the airliner vanished in December 2014", told in 2019: what
    # followed an event years past is dated by it, and so historical background (GUIDELINES 1)
    events = code_text("Singapore, India, and Australia have in the past searched the Java "
                       "Sea: all three nations offered military assistance after the airliner "
                       "vanished in December 2014.", published=date(2019, 1, 10))
    assert not [e for e in events if e.type == "AGREE"]


def test_coder_paragraph_set_years_back_is_background(code_text) -> None:
    # a paragraph set in the past by a dated clause goes on narrating it: "Rebels attacked"
    # after "In 2004, ..." is of 2004 (GUIDELINES 1); the next paragraph is the news again
    events = code_text("Police arrested the former mayor Tom Reed on Monday.\n\n"
                       "Reed was first elected in 1998. In 2004, he was convicted of fraud. "
                       "Rebels attacked a police station in Arlen.\n\n"
                       "Gunmen attacked a police station in Arlen.")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert [e.sentence for e in attacks] == ["Gunmen attacked a police station in Arlen."]


@pytest.mark.parametrize("text", [
    # a past time after its verb recalls a fact, it sets no scene
    "Chinese President Xi Jinping was re-elected in 2018. Xi met Russian President Vladimir "
    "Putin in Beijing.",
])
def test_coder_news_after_a_recalled_year_stays(code_text, text: str) -> None:
    assert [e.type for e in code_text(text) if e.type == "CONSULT"] == ["CONSULT"]


def test_coder_recent_time_ends_the_past_scene(code_text) -> None:
    # "On Monday" brings the paragraph back to the story; a year inside a noun phrase
    # ("the 2015 accord") sets no scene at all
    events = code_text("In 2004, Reed was convicted of fraud. On Monday, police arrested "
                       "Reed. Rebels attacked a police station in Arlen.")
    assert [e.type for e in events if e.type == "ASSAULT"] == ["ASSAULT"]
    events = code_text("Colombia left the 2015 accord. Rebels attacked a police station in "
                       "Arlen.")
    assert [e.type for e in events if e.type == "ASSAULT"] == ["ASSAULT"]


@pytest.mark.parametrize(("text", "etype"), [
    ("Governor Maria Lopez announced she would resign as leader of the Liberal Party.",
     "RETREAT"),
    ("Governor Maria Lopez said on Monday that she will resign as leader of the Liberal Party.",
     "RETREAT"),
])
def test_coder_own_retreat_announced_is_the_retreat(code_text, text, etype) -> None:
    # GUIDELINES 1: an announced withdrawal is the material event, not a promise (AGREE or
    # CONCEDE), of the announcement's day
    event = _one(code_text(text), etype)
    assert event.modality == "asserted" and event.rule.endswith(">announced")
    assert not [e for e in code_text(text) if e.type in ("AGREE", "CONCEDE")]


@pytest.mark.parametrize("text", [
    "The minister did not say whether he would resign.",
    "Reporters asked whether Governor Maria Lopez would resign.",
    "Governor Maria Lopez will resign if the bill fails.",
    "Senator Tom Hale said Governor Maria Lopez would resign.",
])
def test_coder_retreat_not_announced_by_its_doer(code_text, text) -> None:
    # a refusal to say, a question, a condition, or someone else's word announce nothing
    assert not [e for e in code_text(text) if e.type == "RETREAT" and e.modality == "asserted"]


@pytest.mark.parametrize(("text", "etype"), [
    ("Foreign Minister Moreau expressed France's desire to continue close cooperation with "
     "Ghana.", "AGREE"),
    ("Foreign Minister Moreau reaffirmed France's firm intent to deepen cooperation with "
     "Ghana.", "AGREE"),
    # ... but a desire to support someone is support of them, as a commitment to is
    ("Foreign Minister Moreau expressed France's desire to support Ghana.", "SUPPORT"),
])
def test_coder_desire_to_work_with_someone_is_a_promise_to_them(code_text, text,
                                                                 etype) -> None:
    # a desire or intent to work with someone, stated, is a promise to them as a readiness
    # is (GUIDELINES 5: directed promises are AGREE)
    event = _one(code_text(text), etype)
    assert event.target is not None and event.target.country == "GHA"


def test_coder_named_meeting_held_is_a_contact_of_its_sides(code_text) -> None:
    # a meeting named with its sides and told as held is their contact (GUIDELINES:
    # multi-party events), dated by its own phrase; what the readout says next stays of the
    # readout's own day
    events = code_text("Secretary Blinken met Foreign Minister Marise Payne in Canberra. The "
                       "ministers welcomed the outcomes of the U.S.-Australia Ministerial "
                       "Dialogue held on March 3. The United States and Australia agreed to "
                       "expand trade.",
                       published=date(2022, 5, 10))
    named = [e for e in events if e.rule == "consult.named_meeting"]
    assert [(_countries(e.actors), e.date) for e in named] == [
        ({"USA", "AUS"}, date(2022, 3, 3))]
    assert _one(events, "AGREE").date == date(2022, 5, 10)


def test_coder_named_meeting_to_come_is_no_contact(code_text) -> None:
    # "to be held": a meeting to come is no contact held (GUIDELINES: AGREE when announced)
    events = code_text("President Biden spoke with Chancellor Scholz. The leaders prepared for "
                       "the U.S.-EU Summit to be held in June.", published=date(2022, 5, 10))
    assert not [e for e in events if e.rule == "consult.named_meeting"]
@pytest.mark.parametrize("text, blamed", [
    ("Russia is responsible for the brutal killing of civilians in Bucha.", "Russia"),
    ("Putin's cruelty toward the people of Ukraine is inhumane.", "Vladimir Putin"),
    ("Iran's seizure of the oil tanker is a clear violation of international law.", "Iran"),
    ("The Kremlin's invasion is unprovoked and unjustified.", "Russia"),
    ("Russia's aggression undermines the security of all of Europe.", "Russia"),
    ("President Putin's war continues to inflict suffering on the families of Ukraine.",
     "Vladimir Putin"),
])
def test_coder_blame_in_a_statements_own_voice_accuses(coder, text, blamed) -> None:
    """A hostile judgement the release states of an actor or its deed, with no verb of
    blame, is the principal's ACCUSE of the actor (or the deed's doer)."""
    events = _remarks(coder, "Statement by President Biden", text)
    accuse = _one(events, "ACCUSE")
    assert accuse.source is not None and accuse.source.name == "Joe Biden"
    assert accuse.target is not None and accuse.target.name == blamed


@pytest.mark.parametrize("text", [
    "Russia is not responsible for the abuses.",  # negated
    "Another attack by Russia would be unacceptable.",  # a warning, no blame yet
    "Russia is responsible for its own security.",  # no harm laid on anyone
    "The humanitarian situation in Ukraine is unacceptable.",  # no actor, no doer
    "The minister stressed that China's actions undermine stability in the region.",
    # a friend's forces doing harm to foes, a harm denied
    "Ukraine's defenders inflict heavy losses on Russian forces every day.",
    "The European Union's new climate rules undermine nothing in our partnership.",
    "Iran's seizure of the tanker is no violation of international law.",
])
def test_coder_no_voiced_blame_when_negated_modal_harmless_or_said_by_another(
        coder, text) -> None:
    """Not the principal's blame: negated, modal, harmless, without a doer, or said by an
    unresolved someone else (never handed to the principal)."""
    events = _remarks(coder, "Statement by President Biden", text)
    assert not [e for e in events if e.type == "ACCUSE" and e.source is not None
                and e.source.name == "Joe Biden"], text


@pytest.mark.parametrize("text, done", [
    # a deed said to be needed is asked for, not done
    ("It is imperative that Russia withdraw its forces from Ukraine.", False),
    ("It is essential that Russia withdraw its forces from Ukraine.", False),
    ("It is clear that Russia withdrew its forces from Ukraine.", True),  # no need: done
])
def test_coder_a_deed_said_to_be_needed_is_not_reported_done(coder, text, done) -> None:
    events = _remarks(coder, "Statement by President Biden", text)
    assert bool([e for e in events if e.type == "RETREAT" and e.modality == "asserted"]) \
        == done, text


@pytest.mark.parametrize("text, target", [
    ("The Green Party urged states not to postpone their local elections.", "states"),
    ("Senator Maria Lopez asked voters to register before the deadline.", "voters"),
    ("The Green Party called on European leaders to back the plan.", "European leaders"),
])
def test_coder_a_call_on_unnamed_many_is_addressed_to_them(code_text, text, target) -> None:
    request = _one(code_text(text), "REQUEST")
    assert request.target is not None and request.target.name == target
    assert request.modality == "asserted"


@pytest.mark.parametrize("text, modality", [
    ("Senator Maria Lopez did not ask voters to register before the deadline.", "negated"),
    ("Senator Maria Lopez will urge voters to register before the deadline.", "future"),
])
def test_coder_a_call_on_the_many_keeps_its_modality(code_text, text, modality) -> None:
    assert _one(code_text(text), "REQUEST").modality == modality


_SHOT = "Police shot a protester in Kenya on Tuesday. "


def test_coder_a_groups_unaddressed_call_is_made_of_the_storys_state(code_text) -> None:
    # no one named to act: the state the story is about is the one called on
    request = _one(code_text(_SHOT + "Human Rights Watch has called for an investigation "
                             "into the shooting."), "REQUEST")
    assert request.target is not None and request.target.country == "KEN"
    assert request.modality == "asserted"


@pytest.mark.parametrize("text", [
    "Human Rights Watch did not call for an investigation into the shooting.",
    "Human Rights Watch will call for an investigation into the shooting.",
])
def test_coder_a_groups_unaddressed_call_keeps_its_modality(code_text, text) -> None:
    # a call denied or to come is no call made
    assert not [e for e in code_text(_SHOT + text)
                if e.type == "REQUEST" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "Senator Maria Lopez called for an investigation into the shooting.",
    "The Kenyan government called for an investigation into the shooting.",
])
def test_coder_an_official_unaddressed_call_names_no_one(code_text, text) -> None:
    # a person's or a government's call for an inquiry is addressed to no one named
    assert not [e for e in code_text(_SHOT + text) if e.type == "REQUEST"]


def test_coder_a_question_to_officials_is_no_call_to_act(code_text) -> None:
    # asked how, not asked to do something: no one is called on to act
    events = code_text("Senator Maria Lopez asked government officials how the memo leaked.")
    assert not [e for e in events if e.type == "REQUEST"]


def test_coder_a_call_on_officials_is_no_request_to_a_group(code_text) -> None:
    # a leader's officials are mostly his own government's (GUIDELINES 1: internal)
    events = code_text("President Biden urged officials to speed up the distribution of vaccines.")
    assert not [e for e in events if e.type == "REQUEST" and e.target is not None
                and e.target.name == "officials"]


@pytest.mark.parametrize(("text", "source", "arrested"), [
    ("Egyptian police took Omar Farid into custody on Monday.", "Egyptian police", "Omar Farid"),
    ("Omar Farid was taken into custody by Egyptian police on Monday.", "Egyptian police",
     "Omar Farid"),
    ("The Egyptian army placed Omar Farid under house arrest.", "Egypt", "Omar Farid"),
    ("Judge Lina Haddad remanded Omar Farid in custody.", "Lina Haddad", "Omar Farid"),
])
def test_coder_put_in_custody_is_an_arrest(code_text, text, source, arrested) -> None:
    """An arrest named by the state it puts someone in ("took into custody", "placed under
    house arrest", "remanded in custody"), active or passive, with who did it."""
    event = _one(code_text(text), "COERCE")
    assert event.mode == "arrest" and event.modality == "asserted"
    assert event.source is not None and event.source.name == source
    assert event.target is not None and event.target.name == arrested


@pytest.mark.parametrize("text", [
    "Egyptian police did not take Omar Farid into custody.",  # negated
    "Egyptian police will take Omar Farid into custody.",  # not done yet
    "Egyptian police may take Omar Farid into custody.",  # may
    "Egyptian police took part in the arrest.",  # no one put in custody
])
def test_coder_no_custody_arrest_when_negated_future_or_no_one_held(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type == "COERCE"
                and e.modality == "asserted"], text


@pytest.mark.parametrize("text", [
    "Protesters blocked access to the parliament building in Tbilisi.",
    "Russian forces cut access to the city, Ukrainian officials said.",
])
def test_coder_blocked_access_is_no_censorship(code_text, text) -> None:
    """Access blocked to a place is obstruction or a siege, not censorship of a medium:
    no COERCE censor (a rule for "blocked access to" read both alike and was withdrawn)."""
    assert not [e for e in code_text(text) if e.type == "COERCE" and e.mode == "censor"]


@pytest.mark.parametrize(("text", "etype"), [
    ("Secretary Blinken thanked Foreign Minister Anna Kovac for years of close cooperation.",
     "SUPPORT"),
    ("The Treasury sanctioned Ivan Kovac for years of human rights abuses.", "SANCTION"),
])
def test_coder_years_of_something_are_a_reason_not_a_span(code_text, text, etype) -> None:
    """"for years of cooperation" gives the reason of one act, not a state summed up."""
    assert _one(code_text(text), etype).modality == "asserted"


@pytest.mark.parametrize(("text", "kept"), [
    ("The Okapi Liberation Front rejected the ceasefire proposal.", True),
    ("The Church denied the allegations.", False),
])
def test_coder_refusal_of_a_named_body_stays(code_text, text, kept) -> None:
    """Only a body told by one common noun and known to no one is dropped when its refusal
    answers no one; a named front or party is an actor an analyst can follow."""
    assert bool([e for e in code_text(text) if e.type == "REJECT"]) is kept


def test_coder_not_yet_accepted_is_pending_not_refused(code_text) -> None:
    """"has not yet accepted" is still open (pending words), no REJECT; "has yet to
    concede" stays a refusal."""
    events = code_text("Iran has not yet accepted the European Union's proposal.")
    assert not [e for e in events if e.type == "REJECT"]


@pytest.mark.parametrize("text", [
    "Thousands of people rallied in Lima on Saturday. The government did not accede to the "
    "protesters' demands.",
    "Thousands of people rallied in Lima on Saturday. In 2019, the protesters' demands "
    "included a new constitution.",
    "The demands of the protesters in Tehran include an end to the compulsory hijab.",
])
def test_coder_crowd_demands_not_asserted_old_or_of_a_state_itself(code_text, text) -> None:
    """A refusal of the demands is the refusal's, not a denied request; demands of years
    before the story are background; a crowd resolved to its state does not ask itself."""
    assert not [e for e in code_text(text) if e.type == "REQUEST" and (
        e.modality != "asserted" or e.date is None or e.date.year != 2022
        or (e.source is not None and e.target is not None and e.source.name == e.target.name))]


def test_coder_prohibiting_a_state_is_a_sanction(code_text) -> None:
    """Barring a state from acting ("prohibited Russia from making payments") is a
    sanction on it, as a ban of an actor is (GUIDELINES 5: bans are SANCTION)."""
    event = _one(code_text("Canada prohibited Russia from making debt payments."),
                 "SANCTION")
    assert event.source is not None and event.source.country == "CAN"
    assert event.target is not None and event.target.country == "RUS"
    assert not [e for e in code_text("Canada prohibited Russia from making debt payments.")
                if e.type == "COERCE"]


@pytest.mark.parametrize(("text", "kept"), [
    ("For many years, Omar Farid was held in custody by Egyptian police.", False),
    ("Omar Farid has been detained by Egyptian police for decades.", False),
    ("Omar Farid was jailed by Egyptian police for two years.", True),  # a term, one act
])
def test_coder_state_over_uncounted_years_is_no_event(code_text, text, kept) -> None:
    """A state lasting over an uncounted span of years is summed up, not one event
    (GUIDELINES 1: habitual statements); a counted term set by one act stands."""
    found = [e for e in code_text(text) if e.type == "COERCE" and e.modality == "asserted"]
    assert bool(found) == kept, text


def test_coder_family_name_first_alias_stays_out_of_unasserted_events(code_text) -> None:
    # the alias changes the name, not whether a future meeting is one that took place
    found = [e for e in code_text("Secretary Blinken will meet Japanese Foreign Minister "
                                  "Hayashi Yoshimasa next week.")
             if e.type == "CONSULT" and e.modality == "asserted"]
    assert not found


@pytest.mark.parametrize("demand", [
    "The protesters' demands include free tuition and the release of detained students.",
    "Free tuition is one of the five demands of the protesters.",
])
def test_coder_a_crowds_demands_told_as_a_noun_ask_its_state(code_text, demand) -> None:
    """"the protesters' demands": a crowd's call to act told with a noun is its request,
    made of the state the story is about when it names no one asked, and standing on the
    day of publication."""
    events = code_text("Thousands of students marched in Santiago, Chile, on Monday. " + demand)
    event = _one(events, "REQUEST")
    assert event.rule == "request.crowd_demands"
    assert event.source is not None and event.source.name == "Chilean protesters"
    assert event.target is not None and event.target.name == "Chile"
    assert event.date == date(2022, 1, 14) and event.date_inferred


@pytest.mark.parametrize("text", [
    "Chile's demand for copper rose in March.",       # a market's demand, no crowd's
    "Copper is in high demand in Chile.",
    "The protesters in Chile did not make any demands.",
    "Protesters marched in Santiago, Chile. Their demands were unclear.",  # no crowd named
])
def test_coder_demand_nouns_of_no_crowd_ask_nothing(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.rule == "request.crowd_demands"]


def test_coder_a_crowds_demands_are_dated_by_publication_not_by_what_they_name(
        code_text) -> None:
    events = code_text("Thousands of students marched in Santiago, Chile, on Monday. The "
                       "protesters' demands include an inquiry into police violence on "
                       "January 3.")
    event = _one(events, "REQUEST")
    assert event.date == date(2022, 1, 14) and event.date_inferred
def _release_consults(coder, text: str) -> list[list[str]]:
    article = Article(url="https://www.whitehouse.gov/briefing-room/z/", text=text, title="",
                      origin="t", published=date(2022, 5, 10), id="a_t")
    return [sorted(a.name for a in e.actors) for e in coder.code(article)
            if e.type == "CONSULT" and e.modality == "asserted"]


def test_coder_meeting_of_own_officials_in_a_release_is_internal(coder) -> None:
    # titled officials of unknown country with one known to be of the publishing state
    assert _release_consults(coder, "Today, National Security Advisor Jake Sullivan and "
                             "Senior Advisor Mark Dolan met with Budget Director Sarah Quill.") == []
    # near-misses: a foreign counterpart named with its state, and an untitled citizen
    assert _release_consults(coder, "Today, National Security Advisor Jake Sullivan met "
                             "with Bordurian Foreign Minister Anna Kovac.") != []
    assert _release_consults(coder, "President Biden spoke today with Paula Brandt, the "
                             "mother of a detained teacher.") != []


def test_coder_hosted_forces_or_mission_are_no_visit(coder) -> None:
    # a mission or troops hosted or welcomed pay no visit (GUIDELINES 1)
    assert _release_consults(coder, "President Biden welcomed the UN observer mission "
                             "to Syldavia.") == []
    assert _release_consults(coder, "Secretary Blinken thanked Latvia for hosting "
                             "NATO troops.") == []
    # near-miss: a leader welcomed is a visit
    assert _release_consults(coder, "President Biden welcomed Prime Minister Fumio Kishida "
                             "of Japan to the White House today.") == [["Fumio Kishida",
                                                                        "Joe Biden"]]


@pytest.mark.parametrize("text", [
    "Secretary Austin hosted Admiral Tony Radakin at the Pentagon today.",
    "Secretary Blinken met with Opposition Leader Sviatlana Tsikhanouskaya today.",
])
def test_coder_titles_foreign_officials_share_mark_no_internal_meeting(coder, text) -> None:
    # admirals, generals, leaders and speakers serve other states too: still a contact
    assert _release_consults(coder, text) != []


def test_coder_both_sides_of_a_meeting_welcoming_something_is_no_hosting(code_text) -> None:
    # "The leaders welcomed the UN monitoring mission" after their meeting is joint praise,
    # not a visit hosted by the two, and the report's next "they" stays with the two leaders
    events = code_text("President Biden met today with Prime Minister Anna Kovac of Borduria. "
                       "The leaders welcomed the UN monitoring mission to support fair elections. "
                       "They agreed that their teams will stay in close contact.",
                       date(2021, 7, 27))
    assert not [e for e in events if e.type == "CONSULT" and e.rule.startswith("consult.host")]
    agree = [{a.name for a in e.actors} for e in events if e.type == "AGREE"]
    assert agree and all("United Nations" not in names for names in agree)


def test_coder_joint_hosts_of_a_visit_still_host(code_text) -> None:
    # near-miss: two hosts of one side welcoming a guest do host a visit
    events = code_text("President Biden and the First Lady welcomed Prime Minister Anna Kovac "
                       "of Borduria to the White House today.", date(2021, 7, 27))
    assert [e for e in events if e.type == "CONSULT"]


def test_coder_costs_foretold_on_a_condition_are_a_warning(code_text) -> None:
    # "there will be consequences if X joins": costs foretold are a threat to the one the
    # condition names, by whoever says so
    threat = _one(code_text("Foreign Minister Lavrov said there will be severe consequences if "
                            "Finland joins NATO.", published=date(2022, 5, 10)), "THREATEN")
    assert threat.modality == "asserted" and threat.mode == "restrict"
    assert threat.source.name == "Sergei Lavrov" and threat.target.name == "Finland"


@pytest.mark.parametrize("text", [
    # past costs, costs only possible, costs denied, a danger that is no cost
    "Secretary Blinken said there were severe consequences for Venezuela after the war.",
    "Secretary Blinken said that if Venezuela attacks Colombia, there may be consequences.",
    "Secretary Blinken said there will be no consequences for Venezuela.",
    "Secretary Blinken said that if Venezuela attacks Colombia, there will be a humanitarian "
    "crisis.",
    "Foreign Minister Lavrov warned of a humanitarian crisis.",
    "The drought resulted in severe consequences for farmers in Venezuela.",
])
def test_coder_costs_not_foretold_by_a_speaker_are_no_threat(code_text, text) -> None:
    assert "THREATEN" not in {e.type for e in code_text(text, published=date(2022, 5, 10))}


def test_coder_costs_someone_would_face_are_a_warning(code_text) -> None:
    # "would face severe costs if ...": the one to bear them is warned, by whoever says so
    threat = _one(code_text("Secretary Blinken said Venezuela would face swift and severe "
                            "costs if it attacked Guyana.", published=date(2022, 5, 10)),
                  "THREATEN")
    assert threat.modality == "asserted" and threat.mode == "restrict"
    assert threat.source.name == "Antony Blinken" and threat.target.name == "Venezuela"


@pytest.mark.parametrize("text", [
    # costs borne already, denied, or forecast with no warning in them
    "Venezuela faced severe sanctions after the invasion, Secretary Blinken said.",
    "Secretary Blinken said Venezuela will not face any consequences.",
    "Secretary Blinken said Venezuela will face higher energy costs next winter.",
])
def test_coder_costs_faced_without_a_warning_are_no_threat(code_text, text) -> None:
    assert "THREATEN" not in {e.type for e in code_text(text, published=date(2022, 5, 10))}


def test_coder_a_promised_sanction_is_a_restricting_threat(code_text) -> None:
    # "will impose sanctions on Russia should it invade": the threat keeps the act's cost
    threat = _one(code_text("President Biden said the United States will impose sanctions on "
                            "Russia if it invades Ukraine.", published=date(2022, 5, 10)),
                  "THREATEN")
    assert threat.mode == "restrict" and threat.target.name == "Russia"


def test_coder_a_sanction_carried_on_is_in_force(code_text) -> None:
    # "will continue to impose costs": sanctions already imposed, carried on (GUIDELINES 5),
    # of the statement's day, not a threat of new ones
    day = date(2022, 5, 10)
    sanction = _one(code_text("Norway will continue to impose severe economic costs on "
                              "Belarus.", day), "SANCTION")
    assert sanction.modality == "asserted" and sanction.date == day
    assert sanction.source.name == "Norway" and sanction.target.name == "Belarus"
    assert "THREATEN" not in {e.type for e in code_text(
        "Norway will continue to impose severe economic costs on Belarus.", day)}


@pytest.mark.parametrize(("text", "etype", "modality"), [
    # held over a condition: a threat, as a new measure promised is
    ("Norway will continue to impose sanctions on Belarus if it attacks Lithuania.",
     "THREATEN", "asserted"),
    ("Norway will continue to impose sanctions on Belarus unless it frees the prisoners.",
     "THREATEN", "asserted"),
    ("Norway will impose new sanctions on Belarus.", "THREATEN", "asserted"),
    # denied or only possible: no measure in force
    ("Norway will not continue to impose sanctions on Belarus.", "SANCTION", "negated"),
    ("Norway may continue to impose sanctions on Belarus.", "SANCTION", "hypothetical"),
])
def test_coder_a_sanction_carried_on_keeps_its_conditions(code_text, text, etype,
                                                          modality) -> None:
    events = [e for e in code_text(text, published=date(2022, 5, 10))
              if e.type in ("SANCTION", "THREATEN")]
    assert [(e.type, e.modality) for e in events] == [(etype, modality)]


def test_coder_an_act_that_would_bring_a_response_is_warned_against(code_text) -> None:
    # "if X joins, it would lead to a military response": the condition's subject is warned
    day = date(2022, 5, 10)
    threat = _one(code_text("Foreign Minister Lavrov said that if Finland joins NATO, it would "
                            "lead to a military response.", day), "THREATEN")
    assert threat.mode == "violence" and threat.modality == "asserted"
    assert threat.source.name == "Sergei Lavrov" and threat.target.name == "Finland"
    # a response that followed is no warning
    assert "THREATEN" not in {e.type for e in code_text(
        "Foreign Minister Lavrov said that Finland's membership led to a military response "
        "last year.", day)}


def test_coder_a_deed_at_home_does_not_accuse_the_speakers_state(code_text) -> None:
    """A condemnation of a deed done in the speaker's own country names where it happened,
    not whom it blames; a doer named, or a place abroad, is still read."""
    assert not [e for e in code_text("President Macron condemned the recent shootings in France.")
                if e.type == "ACCUSE" and e.target is not None and e.target.country == "FRA"]
    event = _one(code_text("President Macron condemned Russia's missile strikes in France."),
                 "ACCUSE")
    assert event.target.country == "RUS"
    event = _one(code_text("President Macron condemned the bombing in Kabul."), "ACCUSE")
    assert event.target.country == "AFG"


def test_coder_a_mutual_concern_stated_is_the_other_sides_too(code_text) -> None:
    """"reiterated our mutual concerns about X" after a call states the concern of both
    sides (GUIDELINES 4: co-speakers); "his concerns" is the speaker's own, and the
    accused's own official shares no concern about his state."""
    call = "Secretary Blinken spoke today with Israeli Prime Minister Yair Lapid. "
    event = _one(code_text(call + "Secretary Blinken reiterated our mutual concerns about "
                           "Iran's nuclear program."), "ACCUSE")
    assert event.target.country == "IRN"
    assert {"Antony Blinken", "Yair Lapid"} <= {a.name for a in event.actors}
    event = _one(code_text(call + "Secretary Blinken reiterated his concerns about Iran's "
                           "nuclear program."), "ACCUSE")
    assert "Yair Lapid" not in {a.name for a in event.actors}
    event = _one(code_text("Secretary Blinken spoke with Russian Foreign Minister Sergei Lavrov. "
                           "Secretary Blinken raised our shared concerns about Russia's troop "
                           "buildup."), "ACCUSE")
    assert event.target.country == "RUS"
    assert "Sergei Lavrov" not in {a.name for a in event.actors}


def _remarks_consults(coder, text: str) -> list[list[str]]:
    article = Article(url="https://www.whitehouse.gov/briefing-room/speeches-remarks/2022/05/10/"
                      "remarks-by-president-biden-and-prime-minister-fiala/",
                      title="Remarks by President Biden and Prime Minister Fiala of the Czech "
                      "Republic", text=text, origin="t", published=date(2022, 5, 10), id="a_r")
    return [sorted(a.name for a in e.actors) for e in coder.code(article)
            if e.type == "CONSULT" and e.modality == "asserted"]


def test_coder_first_name_in_address_is_no_second_participant() -> None:
    from sitrep.events.coder import _without_given_names
    from sitrep.record import ActorRef
    full = ActorRef("Anna Kovac", "person", "anna-kovac", "BOR")
    first = ActorRef("Anna", "person")
    # "Madam Minister, dear Anna, welcome": the one greeted is one person, not [Kovac, Anna]
    assert _without_given_names([full, first], [full, first]) == [full]
    # near-misses: another first name, a first name known as someone else, no full name
    other = ActorRef("Ivo", "person")
    known = ActorRef("Anna", "person", "anna-of-arcadia")
    assert _without_given_names([full, other], [full, other]) == [full, other]
    assert _without_given_names([full, known], [full, known]) == [full, known]
    assert _without_given_names([first], [first]) == [first]


def test_coder_trip_in_a_former_office_is_no_contact(coder) -> None:
    # a career recalled in remarks ("as Vice President") is no contact of the day
    assert _remarks_consults(coder, "PRESIDENT BIDEN: Well, I have travelled to "
                             "Prague as Vice President.") == []
    # near-misses: a trip told with its day, and a trip with no office named
    assert _release_consults(coder, "Secretary Blinken travelled to Madrid on "
                             "Monday.") == [["Antony Blinken", "Spain"]]


@pytest.mark.parametrize("text", [
    "NATO responded strongly after Russian troops shelled Kharkiv on Monday.",
    "There was a strong response from NATO after Russian troops shelled Kharkiv on Monday.",
])
def test_coder_a_response_done_keeps_the_attack_it_answers(code_text, text) -> None:
    """A response told as done is a deed, not a warning containing the attack."""
    assert _one(code_text(text), "ASSAULT").modality == "asserted"


def test_coder_no_response_foretold_is_no_threat(code_text) -> None:
    events = code_text("Stoltenberg said there will be no military response from NATO if "
                       "Russia enters Ukraine.")
    assert not [e for e in events if e.type == "THREATEN"]


@pytest.mark.parametrize(("first", "second"), [
    ("$500 million", "$0.5 billion"),
    ("$30 million", "30 million dollars"),
])
def test_packages_one_sum_written_two_ways_is_one_package(first, second) -> None:
    from sitrep.events.packages import other_packages, package

    def sum_of(text: str) -> int | None:
        return package(Event(type="AID", actors=[], article_id="a", sentence=text, start=0,
                             end=len(text), trigger_start=0))
    assert not other_packages(sum_of(f"provided {first} to Ukraine"),
                              sum_of(f"provided {second} to Ukraine"))


def test_shown_key_tells_participants_apart_by_the_name_shown() -> None:
    # a sector or a kb id alone is not what a reader sees; another name is
    from sitrep.actors.identity import participant_key, shown_key
    from sitrep.record import ActorRef

    state, people = ActorRef("Ukraine", country="UKR"), ActorRef("Ukraine", country="UKR",
                                                                 sector="CVL")
    known = ActorRef("Maria Example", kind="person", actor_id="maria-example")
    unknown = ActorRef("Maria Example", kind="person")
    assert participant_key(state) != participant_key(people)
    assert shown_key(state) == shown_key(people)
    assert shown_key(known) == shown_key(unknown)
    assert shown_key(state) != shown_key(ActorRef("Poland", country="POL"))
@pytest.mark.parametrize(("text", "etype", "doer", "target"), [
    ("Chancellor Scholz welcomed Lithuania's decision to expel the Belarusian ambassador.",
     "SANCTION", "Lithuania", "Belarus"),
    ("Prime Minister Kishida condemned the decision by Iran to expel two Japanese diplomats.",
     "SANCTION", "Iran", "Japan"),
    ("President Macron denounced the Kremlin's decision to recognize the independence of "
     "the breakaway regions of Moldova.", "SUPPORT", "Russia", "Moldova"),
    ("Chancellor Scholz voiced concern over Iran's decision to expel two Japanese diplomats.",
     "SANCTION", "Iran", "Japan"),
])
def test_coder_deed_of_a_decision_judged_is_done_by_its_owner(code_text, text, etype, doer,
                                                             target) -> None:
    # the decision condemned or welcomed was taken: the deed decided is an event of the
    # decision's owner beside the statement (GUIDELINES 2), dated by the statement
    deed = _one(code_text(text), etype)
    assert (deed.source.name, deed.target.name) == (doer, target)
    assert deed.modality == "asserted"
    assert (deed.date, deed.date_inferred) == (date(2022, 1, 14), True)
    assert any(e.type in ("ACCUSE", "SUPPORT") and e.source.name != doer
               for e in code_text(text))


def test_coder_deeds_of_one_decision_are_all_done(code_text) -> None:
    # "decided to recognize ... and send troops": both conjoined deeds are the owner's
    events = code_text("President Macron condemned the Kremlin's decision to recognize the "
                       "independence of the breakaway regions of Moldova and send troops "
                       "there.")
    assert _one(events, "MOBILIZE").source.name == "Russia"


@pytest.mark.parametrize("text", [
    # decided against, an aim with no owner, only possible, or a judgement yet to come:
    # no expulsion done
    "Chancellor Scholz condemned Lithuania's decision not to expel the Belarusian ambassador.",
    "Chancellor Scholz warned against any decision to expel the Belarusian ambassador.",
    "Chancellor Scholz voiced concern over a possible decision to expel the Belarusian "
    "ambassador.",
    "Chancellor Scholz will welcome Lithuania's decision to expel the Belarusian ambassador.",
    # a decision named as the reason of something else is context, not the deed judged
    "The allies will hold Lithuania accountable for its decision to expel the Belarusian "
    "ambassador.",
])
def test_coder_no_deed_from_a_decision_not_taken(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type in ("SANCTION", "THREATEN")]


def test_coder_regions_named_by_their_bodies_are_those_bodies(code_text) -> None:
    # "the DPR and LPR regions": the names before the place noun are the entities
    # recognized; a place's own name before it ("the Marib region of Yemen") stays a place
    events = code_text("President Macron denounced the Kremlin's decision to recognize the "
                       "statehood of the DPR and LPR regions.")
    recognized = _one(events, "SUPPORT")
    assert recognized.source.name == "Russia"
    assert {r.name for r in recognized.actors} >= {"Donetsk People's Republic",
                                                   "Luhansk People's Republic"}
    attack = _one(code_text("Secretary Blinken condemned Houthi attacks on the Marib region "
                            "of Yemen."), "ASSAULT")
    assert attack.target.name == "Yemen"


@pytest.mark.parametrize("text", [
    "On Sunday, 40 years ago, Poland declared martial law. Authorities arrested thousands of "
    "Solidarity activists.",
    "The United Nations said on Wednesday that the report was due next month. Sweden "
    "criticized Iran for executions.",
    "President Tokayev, who declared an emergency on Wednesday, thanked Putin for the troops.",
])
def test_coder_lead_day_only_of_the_leads_own_step(code_text, text) -> None:
    """An anniversary, a day of a clause inside the lead, and a reaction keep the
    publication date: only the lead's main verb's day is the story's."""
    assert all(e.date == date(2022, 1, 14) for e in code_text(text)
               if e.date_inferred), text


def test_coder_repeats_that_read_alike_keep_mode_and_source_apart(code_text) -> None:
    """An expulsion and a conviction of one day, an attack and the counter-attack, are two."""
    events = [e for e in code_text("Germany expelled two Russian diplomats on Thursday. A "
                                   "court in Berlin sentenced a Russian man to life in prison.")
              if e.type == "SANCTION"]
    assert {e.mode for e in events if not e.rule.endswith("+dup")} == {"expel", "convict"}
    attacks = [e for e in code_text("Russia attacked Ukraine. Ukraine's army attacked Russian "
                                    "positions.") if e.type == "ASSAULT"]
    assert len([e for e in attacks if not e.rule.endswith("+dup")]) == 2


def test_coder_demonym_tagged_as_a_person_before_a_noun_is_the_state(code_text) -> None:
    """"the Kazakh government" (the small model tags "Kazakh" PERSON) is Kazakhstan."""
    event = _one(code_text("Secretary Blinken condemned the Kazakh government."), "ACCUSE")
    assert event.target is not None and event.target.name == "Kazakhstan"


@pytest.mark.parametrize("text", [
    "Japan is willing to retaliate against North Korea.",
    "The United States is ready to impose severe costs on Russia.",
    "Greece is prepared to defend its islands against Turkey.",
    "Poland is ready to confront Belarus at the border.",
])
def test_coder_hostile_readiness_is_no_offer(code_text, text) -> None:
    # readiness to fight, defend or punish is no offer to anyone (GUIDELINES 5)
    assert not [e for e in code_text(text, date(2022, 5, 10)) if e.type == "AGREE"]


@pytest.mark.parametrize(("text", "target"), [
    ("The United States is ready to work with Ukraine.", "UKR"),
    ("Britain is prepared to resume talks with Iran.", "IRN"),
    ("France is willing to help Lebanon.", "LBN"),
])
def test_coder_readiness_to_engage_is_an_offer(code_text, text, target) -> None:
    # readiness to engage or to help stays a promise to the one engaged
    agree = _one(code_text(text, date(2022, 5, 10)), "AGREE")
    assert agree.target is not None and agree.target.country == target
    assert agree.modality == "asserted"


def test_coder_readiness_not_said_is_no_offer(code_text) -> None:
    # a readiness denied offers nothing
    events = code_text("Britain is not prepared to resume talks with Iran.", date(2022, 5, 10))
    assert all(e.modality != "asserted" for e in events if e.type == "AGREE")


def _names(refs) -> list[str]:
    return [r.name for r in refs]


def test_coder_allies_and_partners_beside_the_subject_are_a_group(code_text) -> None:
    # "X and its allies and partners" act together: the unnamed many are one generic group
    support = _one(code_text("The United States and its allies and partners are committed to "
                             "supporting Moldova."), "SUPPORT")
    assert "allies and partners" in _names(support.actors)
    assert support.source.name == "United States" and support.target.country == "MDA"


def test_coder_other_allies_and_partners_are_no_group(code_text) -> None:
    # "other allies and partners" beside a named partner: only the named one is coded
    events = code_text("The United States will keep working with Chile and other allies and "
                       "partners to counter disinformation.")
    assert all("allies and partners" not in _names(e.actors) for e in events)


@pytest.mark.parametrize(("text", "alliance"), [
    # the article named NATO: "the Alliance" is NATO
    ("President Biden met NATO Secretary General Jens Stoltenberg in Madrid. The Alliance "
     "condemned Russia's invasion of Ukraine.", "NATO"),
    # no alliance named before: nothing to point back to
    ("President Biden met Prime Minister Kishida in Tokyo. The Alliance condemned Russia's "
     "invasion of Ukraine.", None),
])
def test_coder_the_alliance_is_the_one_named_before(code_text, text, alliance) -> None:
    accuse = _one(code_text(text), "ACCUSE")
    assert (accuse.source.name == "NATO") == (alliance == "NATO")


def test_coder_a_named_alliance_of_two_is_not_nato(code_text) -> None:
    # "the U.S.-Japan Alliance" has words of its own: no pointer back to NATO
    events = code_text("President Biden met NATO Secretary General Jens Stoltenberg in "
                       "Brussels. The U.S.-Japan Alliance condemned the missile launch by North "
                       "Korea.")
    assert all(r.name != "NATO" for e in events if e.type == "ACCUSE" for r in e.actors)


@pytest.mark.parametrize(("text", "modality"), [
    ("Officials warned that a Russian attack on Ukraine could happen within days.",
     "hypothetical"),
    ("A new round of talks between Israel and Hamas may take place next week.", "hypothetical"),
    ("A meeting between Macron and Scholz is unlikely.", "hypothetical"),
    ("The meeting between Macron and Scholz did not take place.", "negated"),
])
def test_coder_event_noun_happening_takes_its_clause_modality(code_text, text: str,
                                                              modality: str) -> None:
    """An event noun whose clause only says it happens ("could happen", "may take place", "is
    unlikely") has that clause's modality, not the bare noun's asserted one."""
    events = [e for e in code_text(text) if e.type in ("ASSAULT", "CONSULT")]
    assert events and {e.modality for e in events} == {modality}


@pytest.mark.parametrize("text", [
    "The summit between Biden and Xi went ahead on Monday.",
    "The meeting between Macron and Scholz took place on Monday.",
])
def test_coder_event_noun_that_happened_stays_asserted(code_text, text: str) -> None:
    """"went ahead", "took place" in the past: the meeting happened."""
    events = [e for e in code_text(text) if e.type == "CONSULT"]
    assert events and all(e.modality == "asserted" for e in events)
@pytest.mark.parametrize(("text", "etype"), [
    ("President Biden met President Ruto of Kenya in Nairobi. The leaders committed to convene "
     "the Joint Kenya-U.S. Energy Working Group this autumn.", "AGREE"),
    ("President Biden met President Ruto of Kenya in Nairobi. The two presidents committed to "
     "launch a new Trade and Investment Commission.", "AGREE"),
    ("President Biden met President Ruto of Kenya in Nairobi. The leaders welcomed the "
     "establishment of the Coastal Security Task Force and the Maritime Fusion Centre.",
     "SUPPORT"),
])
def test_coder_a_body_founded_is_no_party(code_text, text, etype) -> None:
    # what is convened, launched or established does not yet exist: no party to the promise or
    # the praise (the promise between the leaders stays)
    events = [e for e in code_text(text, date(2022, 5, 10)) if e.type == etype]
    assert all(r.kind != "org" for e in events for r in e.actors)
    if etype == "AGREE":
        actors = _one(events, "AGREE").actors
        assert len(actors) == 2 and "Joe Biden" in _names(actors)


@pytest.mark.parametrize(("text", "etype", "target"), [
    # an owner of the body founded is praised: the new government is Iraq's
    ("President Biden welcomed the formation of Iraq's new government.", "SUPPORT", "IRQ"),
    # a founding partner named in the promise stays: "with Jordan"
    ("President Biden met President Sisi of Egypt in Cairo. The two presidents agreed to form "
     "a joint committee with Jordan.", "AGREE", "JOR"),
])
def test_coder_a_founding_keeps_its_owner_and_partner(code_text, text, etype, target) -> None:
    event = _one(code_text(text, date(2022, 5, 10)), etype)
    assert event.target is not None and event.target.country == target


def test_coder_a_plan_discussed_is_no_promise(code_text) -> None:
    # "discussed plans to provide aid": the aid is talked about, not promised
    events = code_text("Secretary Blinken met Moldovan Foreign Minister Nicu Popescu in Paris. "
                       "They also discussed plans to provide additional energy assistance to "
                       "Moldova.", date(2022, 5, 10))
    assert not [e for e in events if e.type in ("AGREE", "AID")]


@pytest.mark.parametrize("text", [
    "Secretary Blinken said the United States will provide additional energy assistance to "
    "Moldova.",
    "Secretary Blinken and Foreign Minister Popescu agreed to provide additional energy "
    "assistance to Moldova.",
])
def test_coder_a_plan_stated_stays_a_promise(code_text, text) -> None:
    # the promise said or agreed on, not talked about, is coded
    agree = _one(code_text(text, date(2022, 5, 10)), "AGREE")
    assert agree.target is not None and agree.target.country == "MDA"


def test_coder_an_anniversary_marked_praises_no_one(code_text) -> None:
    # the anniversary of relations between two states is an occasion, no deed of either
    # (not even of the counterpart of the call it was said in)
    events = code_text("Secretary Blinken spoke with Foreign Minister Ana Lopes of Portugal. The "
                       "Secretary welcomed the 50th anniversary of diplomatic relations between "
                       "the United States and Portugal.", date(2022, 5, 10))
    assert not [e for e in events if e.type == "SUPPORT"]


@pytest.mark.parametrize(("text", "target"), [
    # an anniversary owned by a state is that state's to be congratulated on
    ("President Biden congratulated Ghana on the anniversary of its independence.", "GHA"),
    ("Secretary Blinken praised Ghana for its support of the ceasefire.", "GHA"),
])
def test_coder_praise_on_an_owned_occasion_stays(code_text, text, target) -> None:
    support = _one(code_text(text, date(2022, 5, 10)), "SUPPORT")
    assert support.target is not None and support.target.country == target


@pytest.mark.parametrize("text", [
    "After his speech, President Biden stepped down from the podium and greeted the crowd.",
    "The Fed stepped down the pace of its rate increases on Wednesday.",
    "Ukrainian President Volodymyr Zelenskyy accepted his resignation on Friday.",
    "Pakistani Prime Minister Imran Khan said on Sunday he would resign if the report found "
    "wrongdoing.",
])
def test_coder_no_resignation_done(code_text, text: str) -> None:
    """Stepping off a stage or slowing a pace, accepting someone else's resignation, and a
    resignation offered on a condition are no resignation made by the subject."""
    assert not [e for e in code_text(text) if e.type == "RETREAT" and e.modality == "asserted"]


def test_coder_announced_resignation_takes_the_announcement_day(code_text) -> None:
    event = _one(code_text("Austrian Chancellor Sebastian Kurz announced on Saturday that he "
                           "would resign."), "RETREAT")
    assert event.modality == "asserted" and event.date == date(2022, 1, 8)


def test_coder_withdrawal_announced_for_later_is_to_come(code_text) -> None:
    """A withdrawal of troops announced for next month is a concession to come, not a retreat
    made (only a resignation announced is made as it is announced)."""
    events = code_text("Russia said on Monday it would withdraw its troops from Kherson next "
                       "month.")
    assert not [e for e in events if e.type == "RETREAT" and e.modality == "asserted"]


def test_coder_truce_that_may_not_hold_is_still_made(code_text) -> None:
    """"may not hold" doubts that a truce lasts; it does not deny that it was made."""
    events = code_text("The ceasefire between Israel and Hamas may not hold, analysts warned.")
    assert all(e.modality != "negated" for e in events if e.type == "AGREE")


def test_coder_call_for_protests_asks_no_state(code_text) -> None:
    """A party calling for protests rallies its supporters; it asks nothing of the state."""
    events = code_text("Kenya's opposition party ODM called for protests on Friday.")
    assert not [e for e in events if e.type == "REQUEST" and e.target is not None]
@pytest.mark.parametrize(("text", "etype", "source", "country"), [
    # a known non-governmental body the small model tags as a place (LOC) or not at all
    ("Oxfam thanked Kenya for opening its border to the refugees.", "SUPPORT", "Oxfam", "NGO"),
    ("Transparency International criticised Hungary over the new law.", "ACCUSE",
     "Transparency International", "NGO"),
    # a state's security service named with its demonym is that service, of that state
    ("Russia's FSB detained a Ukrainian diplomat in Moscow on Monday.", "COERCE",
     "Federal Security Service", "RUS"),
])
def test_coder_known_bodies_keep_their_name_and_country(code_text, text, etype, source,
                                                        country) -> None:
    event = _one(code_text(text, date(2022, 5, 10)), etype)
    assert event.source is not None
    assert (event.source.name, event.source.country) == (source, country)


def test_coder_a_known_body_negated_stays_negated(code_text) -> None:
    event = _one(code_text("Oxfam did not criticise Kenya over the camps.", date(2022, 5, 10)),
                 "ACCUSE")
    assert event.modality == "negated"


def test_coder_a_name_cut_at_and_is_whole(code_text) -> None:
    # "the Union of X and Y": the small model ends the name at "and", the plural after it
    # is the rest of the name, no person
    event = _one(code_text("The Federation of Beekeepers and Gardeners criticised the Dutch "
                           "government over the pesticide ban.", date(2022, 5, 10)), "ACCUSE")
    assert event.source is not None
    assert event.source.name == "Federation of Beekeepers and Gardeners"


def test_coder_the_publishing_government_thanking_its_legislature_is_internal(coder) -> None:
    # GUIDELINES 1: the White House thanking Congress or its own agency is no event
    events = _remarks(coder, "Remarks by President Biden on Storm Recovery",
                      "THE PRESIDENT: I thank the U.S. Congress for passing the storm "
                      "relief bill. "
                      "And I thank FEMA for its tireless work.")
    assert not [e for e in events if e.type == "SUPPORT"]


def test_coder_congress_in_the_news_is_a_party(code_text) -> None:
    # in the news, a president's demands of the legislature are politics the labels code
    event = _one(code_text("Senator Ortega criticised the U.S. Congress for failing to pass the budget.",
                           date(2022, 5, 10)), "ACCUSE")
    assert event.target is not None
    assert (event.target.name, event.target.country, event.target.sector) == \
        ("United States Congress", "USA", "LEG")
@pytest.mark.parametrize(("text", "etype", "actors"), [
    # co-speakers and co-actors of a joint act are all actors (GUIDELINES 4), however many
    ("Foreign Minister Wang Yi and Foreign Minister Kuleba condemned the attack by Russia.",
     "ACCUSE", {"Wang Yi", "Dmytro Kuleba", "Russia"}),
    ("Spain, Portugal and Greece welcomed the decision by Turkey to reopen the border.",
     "SUPPORT", {"Spain", "Portugal", "Greece", "Turkey"}),
    ("President Macron and Chancellor Scholz urged Russia to withdraw its troops.",
     "REQUEST", {"Emmanuel Macron", "Olaf Scholz", "Russia"}),
    ("Canada and Mexico agreed to cooperate on migration.", "AGREE", {"Canada", "Mexico"}),
    ("The United States and the United Kingdom sanctioned three Iranian officials.",
     "SANCTION", {"United States", "United Kingdom", "Iran"}),
    ("Secretary Blinken condemned Russia and Belarus for the attack on Ukraine.",
     "ACCUSE", {"Antony Blinken", "Russia", "Belarus"}),
    # a partner joined by "along with", "together with", "alongside", or a "with" set off by
    # commas, acts too
    ("Secretary Blinken, along with Foreign Minister Kuleba, condemned the attack by Russia.",
     "ACCUSE", {"Antony Blinken", "Dmytro Kuleba", "Russia"}),
    ("Germany, together with France and Italy, pledged to send aid to Ukraine.",
     "AGREE", {"Germany", "France", "Italy", "Ukraine"}),
    ("Secretary Blinken together with Foreign Minister Kuleba urged Russia to withdraw.",
     "REQUEST", {"Antony Blinken", "Dmytro Kuleba", "Russia"}),
    ("Today, Canada, with Japan and Australia, imposed sanctions on Russia.",
     "SANCTION", {"Canada", "Japan", "Australia", "Russia"}),
])
def test_coder_conjoined_and_comitative_actors_all_take_part(code_text, text, etype,
                                                             actors) -> None:
    event = _one(code_text(text), etype)
    assert {r.name for r in event.actors} == actors


def test_coder_comitative_partner_shares_the_speaker_side(code_text) -> None:
    # the partner speaks with the source; the one condemned stays the target
    event = _one(code_text("Canada, along with Japan, condemned the missile launch by North "
                           "Korea."), "ACCUSE")
    assert event.source.country == "CAN" and event.target.country == "PRK"


@pytest.mark.parametrize(("text", "actors"), [
    # an appositive is the same person; "with his wife" and a "with" not set off by commas
    # name no second actor
    ("Foreign Minister Kuleba, the country's top diplomat, condemned the attack by Russia.",
     {"Dmytro Kuleba", "Russia"}),
    ("President Macron, with his wife, condemned the attack by Russia.",
     {"Emmanuel Macron", "Russia"}),
    ("President Macron and his wife condemned the attack by Russia.",
     {"Emmanuel Macron", "Russia"}),
])
def test_coder_appositions_and_companions_add_no_actor(code_text, text, actors) -> None:
    assert {r.name for r in _one(code_text(text), "ACCUSE").actors} == actors


@pytest.mark.parametrize(("text", "etype", "modality"), [
    ("Canada, along with Japan, did not agree to cooperate on migration.", "AGREE", "negated"),
    ("Canada, along with Japan, will condemn China's claims over the islands.", "ACCUSE",
     "future"),
])
def test_coder_comitative_partner_keeps_the_clause_modality(code_text, text, etype,
                                                            modality) -> None:
    events = code_text(text)
    assert {r.name for r in _one(events, etype).actors} >= {"Canada", "Japan"}
    assert all(e.modality == modality for e in events)


def test_coder_group_of_listed_states_is_of_them_all(code_text) -> None:
    # "the foreign ministers of A, B and C": the group is of every state its phrase lists
    event = _one(code_text("The foreign ministers of Spain, Portugal and Greece condemned the "
                           "attack by Russia."), "ACCUSE")
    assert {r.name for r in event.actors} == {"Spain", "Portugal", "Greece", "Russia"}
    assert event.source.country == "ESP" and event.target.country == "RUS"


def test_coder_subject_under_neither_nor_is_negated(code_text) -> None:
    # "Neither A nor B condemned ...": the statement was not made (GUIDELINES 1, denied events)
    events = code_text("Neither Spain nor Portugal condemned the attack by Russia.")
    assert _one(events, "ACCUSE").modality == "negated"
    assert not [e for e in events if e.type == "ACCUSE" and e.modality == "asserted"]


def test_coder_not_only_but_also_subject_is_asserted(code_text) -> None:
    # "Not only A but also B" negates nothing: both condemned
    event = _one(code_text("Not only Spain but also Portugal condemned the attack by Russia."),
                 "ACCUSE")
    assert event.modality == "asserted"
def test_coder_guest_of_a_transcript_is_named_by_the_title(coder) -> None:
    """A guest's label gives a title and a surname ("FOREIGN MINISTER POPESCU:"); the
    title gives the full name and the nationality, so the guest's "we" is their state
    (GUIDELINES 4), not the host's, and their "I" is the person in full."""
    text = ("SECRETARY BLINKEN: Good afternoon, everyone.\n\n"
            "FOREIGN MINISTER POPESCU: Thank you very much. We have strongly condemned the "
            "Russian aggression against Ukraine. I thank the United States for its support.")
    events = _remarks(coder, "Secretary Antony J. Blinken and Moldovan Foreign Minister Nicu "
                      "Popescu Before Their Meeting", text, url=STATE,
                      published=date(2022, 4, 18))
    accuse = _one(events, "ACCUSE")
    assert (accuse.source.name, accuse.target.name) == ("Moldova", "Russia")
    thanks = _one(events, "SUPPORT")
    assert (thanks.source.name, thanks.target.name) == ("Nicu Popescu", "United States")


def test_coder_host_of_a_transcript_keeps_their_we(coder) -> None:
    """The host's own label is resolved already: the title changes nothing for it."""
    text = ("SECRETARY BLINKEN: Good afternoon. We strongly condemn the Russian aggression "
            "against Ukraine.\n\nFOREIGN MINISTER POPESCU: Thank you very much.")
    events = _remarks(coder, "Secretary Antony J. Blinken and Moldovan Foreign Minister Nicu "
                      "Popescu Before Their Meeting", text, url=STATE,
                      published=date(2022, 4, 18))
    accuse = _one([e for e in events if e.type == "ACCUSE"], "ACCUSE")
    assert accuse.source.name in ("United States", "Antony Blinken")
    assert accuse.source.name != "Moldova"


def test_coder_background_told_on_a_source_word_stays_background(code_text) -> None:
    """A paragraph a fronted year sets in the past goes on narrating it, whoever tells it
    ("..., Georgian officials said")."""
    events = code_text("In 2008, Russian troops invaded Georgia. Russian forces bombed the city "
                       "of Gori, Georgian officials said.")
    assert not [e for e in events if e.type == "ASSAULT" and e.date == date(2022, 1, 14)]


def test_coder_with_a_phrase_of_its_own_adds_no_partner(code_text) -> None:
    """"with Hezbollah in mind" says why, not who acts too."""
    event = _one(code_text("Iran, with Hezbollah in mind, threatened Israel."), "THREATEN")
    assert [a.name for a in event.actors] == ["Iran", "Israel"]


def test_coder_one_plan_told_twice_is_one(code_text) -> None:
    """Agreeing to meet and looking forward to the meeting are one plan (GUIDELINES 2)."""
    events = code_text("President Biden and President Macron agreed to meet at the NATO summit "
                       "in Madrid. President Biden looked forward to meeting President Macron in "
                       "Madrid.")
    assert len([e for e in events if e.type == "AGREE" and "+dup" not in e.rule]) == 1


@pytest.mark.parametrize(("body", "etype", "source"), [
    ("The President spoke with President Zelensky of Ukraine. The President thanked President "
     "Biden for the new security assistance.", "SUPPORT", "Volodymyr Zelensky"),
    ("The President spoke with President Zelensky of Ukraine. The President thanked the United "
     "States for the new security assistance.", "SUPPORT", "Volodymyr Zelensky"),
])
def test_coder_headline_principal_not_the_one_addressed(coder, body: str, etype: str,
                                                        source: str) -> None:
    """A sentence that names the headline's principal or his state as the other side speaks
    of the guest: "The President thanked President Biden" is the guest's thanks."""
    events = _remarks(coder, "Readout of President Biden's Call with President Zelensky of "
                             "Ukraine", body)
    event = _one(events, etype)
    assert event.source is not None and event.source.name == source


def test_coder_ties_established_are_no_body_founded(coder) -> None:
    """Relations established are support (the founding is the event itself), not a body
    brought into being whose praise would be addressed to no one; a sentence coded alone,
    as the PLOVER evaluation does, keeps its one party."""
    one_party, coder.one_party = coder.one_party, True
    try:
        events = coder.code(Article(url="test://x", title="", text="Sri Lanka has established "
                                    "diplomatic ties with and opened an embassy in Tehran, the "
                                    "foreign ministry said.", origin="test",
                                    published=date(2022, 1, 14), id="a_test"))
    finally:
        coder.one_party = one_party
    event = _one(events, "SUPPORT")
    assert event.source is not None and event.source.name == "Sri Lanka"


@pytest.mark.parametrize("text", [
    # a deterrent promise to defend territory is no support of an actor (the training labels
    # code it as a THREATEN when aimed), nor is defending a policy or a record
    "France and its allies will defend every part of Estonian territory.",
    "Germany defended the ministry's handling of the border crisis.",
    "The Arcadian minister defended the government's economic record on Tuesday.",
])
def test_coder_defending_is_no_support(code_text, text) -> None:
    assert not [(e.type, e.rule) for e in code_text(text) if e.type in ("SUPPORT", "AGREE")]


@pytest.mark.parametrize(("text", "etype"), [
    ("France strongly supports Estonia's sovereignty.", "SUPPORT"),
    ("France will support Estonia with additional funding.", "AGREE"),
])
def test_coder_support_itself_stays(code_text, text, etype) -> None:
    event = _one(code_text(text), etype)
    assert event.source.country == "FRA" and event.target.country == "EST"


def test_coder_support_not_given_is_no_support(code_text) -> None:
    events = code_text("France did not support Estonia's proposal.")
    assert not [e for e in events if e.type in ("SUPPORT", "AGREE") and e.modality == "asserted"]


@pytest.mark.parametrize(("text", "mode", "source", "target"), [
    ("Police fired tear gas at demonstrators on Thursday.", "crowd-control", "police",
     "demonstrators"),
    ("Police used water cannon and tear gas against the students on Saturday.",
     "crowd-control", "police", "students"),
    ("Police fired live rounds at the students on Saturday.", "firearms", "police",
     "students"),
    # one unnamed member of the crowd is named by its kind
    ("Police fired a live round at a demonstrator on Saturday.", "firearms", "police",
     "demonstrator"),
    ("Protesters hurled stones and bottles at the police on Sunday.", "primitive",
     "protesters", "police"),
])
def test_coder_force_at_protests(code_text, text, mode, source, target) -> None:
    """Force told by its means at a protest is an attack (GUIDELINES 5): tear gas and water
    cannon are crowd control, live rounds gunfire, stones and bottles primitive; the one
    using them is the source, the crowd or the police they are turned on the target."""
    event = _one(code_text(text), "ASSAULT")
    assert event.mode == mode and event.modality == "asserted"
    assert event.source is not None and event.source.name == source
    assert event.target is not None and event.target.name == target


@pytest.mark.parametrize(("text", "target"), [
    ("Police fired tear gas at demonstrators in Lyon on Thursday.", "French demonstrators"),
    ("Riot police used water cannon against protesters in Osaka on Sunday.",
     "Japanese protesters"),
])
def test_coder_force_at_crowd_in_a_place(code_text, text, target) -> None:
    """A crowd "in <city>" is named by the place's people (GUIDELINES 4, "Iraqi protesters"):
    the place tells where it is, it is not that place's state attacked."""
    event = _one(code_text(text), "ASSAULT")
    assert event.modality == "asserted"
    assert event.target is not None and event.target.name == target
    assert event.target.kind == "group"


def test_coder_crowd_in_a_place_not_attacked(code_text) -> None:
    """The crowd read through its place keeps force denied out."""
    events = code_text("Police did not fire tear gas at demonstrators in Lyon on Thursday.")
    assert not [e for e in events if e.type == "ASSAULT" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "Police did not use tear gas against the protesters on Friday.",
    "Police may use tear gas if the protesters return to the square.",
    "Police will fire tear gas at any protesters who block the bridge.",
    "The protesters did not throw stones at the police.",
    "Police fired a warning to the protesters on Friday.",
])
def test_coder_force_at_protests_not_done(code_text, text) -> None:
    """Force denied, allowed or foretold is no attack, and a warning fired off is no
    gunfire (the means of force must be named)."""
    assert not [e for e in code_text(text) if e.type == "ASSAULT"
                and e.modality == "asserted" and e.rule is not None
                and e.rule.split("+")[0] in ("assault.crowd_control", "assault.fire_rounds",
                                             "assault.throw")]


@pytest.mark.parametrize("text", [
    "Chancellor Scholz and Prime Minister Sanchez reviewed their ongoing efforts to provide "
    "humanitarian assistance to Moldova.",
    "Chancellor Scholz and Prime Minister Sanchez discussed their respective efforts to "
    "deliver security assistance to Moldova.",
])
def test_coder_aid_efforts_under_way_are_aid(code_text, text) -> None:
    # an endeavour told as under way ("ongoing", "respective" efforts) reports the aid being
    # given (GUIDELINES 5: delivered aid), not a plan
    aid = _one(code_text(text), "AID")
    assert aid.target.country == "MDA" and aid.modality == "asserted"


@pytest.mark.parametrize("text", [
    # an effort with nothing saying it is under way is an aim
    "Chancellor Scholz announced efforts to provide humanitarian assistance to Moldova.",
    # a need is a deed still to do
    "Chancellor Scholz and Prime Minister Sanchez discussed the importance of providing "
    "security assistance to Moldova.",
    "Chancellor Scholz stressed the need to deliver humanitarian aid to Moldova.",
    # a promise, or a denial, of ongoing efforts is no aid given
    "Chancellor Scholz said Germany will continue its ongoing efforts to provide aid to "
    "Moldova.",
    "Chancellor Scholz denied ongoing efforts to provide weapons to Moldova.",
])
def test_coder_aid_needed_or_aimed_at_is_not_aid(code_text, text) -> None:
    assert all(e.modality != "asserted" for e in code_text(text) if e.type == "AID"), text


def test_coder_aid_talked_about_is_not_aid(code_text) -> None:
    # GUIDELINES 1: "discussed X" is not coded; aid named as given in the discussion is
    talked = code_text("Chancellor Scholz and Prime Minister Sanchez discussed providing more "
                       "security assistance to Moldova.")
    assert not [e for e in talked if e.type == "AID" and e.modality == "asserted"]
    given = code_text("Chancellor Scholz and Prime Minister Sanchez discussed the humanitarian "
                      "assistance Germany is providing to Moldova.")
    assert [e for e in given if e.type == "AID" and e.modality == "asserted"]


def test_coder_state_contact_told_with_its_person_is_one(code_text) -> None:
    """A visit to a state and the same day's meeting with its host are one contact, with the
    people (GUIDELINES 2): no second line with the host's country."""
    events = code_text("Kenyan Foreign Minister Raychelle Omamo visited the United States today. "
                       "Secretary of State Antony Blinken met with Foreign Minister Omamo at the "
                       "State Department.")
    contacts = [sorted(a.name for a in e.actors) for e in events if e.type == "CONSULT"]
    assert contacts == [["Antony Blinken", "Raychelle Omamo"]]


@pytest.mark.parametrize("text", [
    # another day's visit is another contact
    "Kenyan Foreign Minister Raychelle Omamo visited the United States in March. Secretary of "
    "State Antony Blinken met with Foreign Minister Omamo at the State Department today.",
    # a state no one of which was met stays
    "Secretary of State Antony Blinken met with Kenyan Foreign Minister Raychelle Omamo today. "
    "Omamo also visited Ethiopia today.",
])
def test_coder_state_contact_of_its_own_stays(code_text, text: str) -> None:
    events = code_text(text)
    assert len([e for e in events if e.type == "CONSULT" and "+dup" not in e.rule]) == 2, \
        [(e.type, [a.name for a in e.actors], e.date) for e in events]


@pytest.mark.parametrize(("sentence", "partner"), [
    # a commitment to deepen ties, said with a gerund, is a promise of future joint work
    # (GUIDELINES 5), as the infinitive is; the partner is the one the work is with
    ("President Biden reiterated the U.S. commitment to deepening cooperation with Chile.",
     "CHL"),
    ("The two presidents affirmed their commitment to strengthening trade and security "
     "ties.", "CHL"),
    ("The leaders underscored their commitment to building a lasting partnership between "
     "their countries.", "CHL"),
])
def test_coder_commitment_to_deepening_ties_is_agree(code_text, sentence: str,
                                                   partner: str) -> None:
    events = code_text("President Biden spoke with President Boric of Chile. " + sentence,
                       published=date(2022, 5, 10))
    agreed = [e for e in events if e.type == "AGREE" and e.sentence.startswith(sentence[:20])]
    assert len(agreed) == 1
    assert partner in {a.country for a in agreed[0].actors}


@pytest.mark.parametrize("sentence", [
    # negated: no promise made
    "President Biden did not reaffirm the U.S. commitment to deepening cooperation with "
    "Chile.",
    # a relationship reaffirmed, nothing promised (GUIDELINES 1)
    "President Biden reaffirmed the U.S. commitment to the partnership with Chile.",
    # a topic talked about, no position taken
    "The two presidents discussed ways of strengthening trade ties.",
])
def test_coder_commitment_to_deepening_ties_near_misses(code_text, sentence: str) -> None:
    events = code_text("President Biden spoke with President Boric of Chile. " + sentence,
                       published=date(2022, 5, 10))
    assert not [e for e in events if e.type in ("AGREE", "SUPPORT") and e.modality == "asserted"
                and e.sentence.startswith(sentence[:20])]



@pytest.mark.parametrize("text", [
    # a bid blocked, rejected years ago or stalled is no request made: the applicant's
    # asking is told only when made or received
    "Hungary blocked Ukraine's bid to join NATO.",
    "Ukraine's bid to join NATO was rejected by the alliance in 2008.",
    "The ministers discussed Bosnia's bid to join the European Union.",
])
def test_coder_a_bid_not_made_now_asks_nothing(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type == "REQUEST"]


@pytest.mark.parametrize(("text", "addressee"), [
    # the need names who is to respond: they are asked, not the world
    ("Secretary Blinken noted the need for a stronger international response from China "
     "to the crisis.", "China"),
])
def test_coder_a_world_need_from_someone_asks_them(code_text, text, addressee) -> None:
    request = _one(code_text(text), "REQUEST")
    assert request.target is not None and request.target.name == addressee


@pytest.mark.parametrize("text", [
    # crowd control needs its means: gas as leverage and a shot "fired" at a rival in words
    # are no attack
    "Moscow is using gas against Ukraine to force concessions, Minister Kovac said.",
    "Donald Trump fired a shot at Joe Biden over inflation on Tuesday.",
])
def test_coder_figurative_force_is_no_attack(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "source", "target"), [
    # to defend an actor is to back it; to defend territory or a record is not (see
    # test_coder_defending_is_no_support)
    ("Russia defended Syria at the Security Council on Monday.", "Russia", "Syria"),
])
def test_coder_defending_an_actor_is_support(code_text, text, source, target) -> None:
    event = _one(code_text(text), "SUPPORT")
    assert event.source.name == source and event.target.name == target


@pytest.mark.parametrize("text", [
    "Austin and Reznikov discussed how Germany delivered 14 tanks to Ukraine on Friday.",
    "The necessity of the aid sent by Poland to Ukraine on Monday was clear to everyone.",
])
def test_coder_aid_given_told_under_talk_or_need_stays(code_text, text) -> None:
    """A finite clause under a verb of discussion, and aid named under a noun of need, tell
    aid given: only a deed that is itself the talk's or the need's object is not done."""
    aid = _one(code_text(text), "AID")
    assert aid.modality == "asserted" and aid.target.country == "UKR"


def test_coder_efforts_setting_the_scene_are_no_aid(code_text) -> None:
    assert not [e for e in code_text("Despite ongoing efforts to provide weapons to Ukraine, "
                                     "Congress has not approved the funding.")
                if e.type == "AID"]


@pytest.mark.parametrize("text", [
    "Secretary Austin spoke with Polish Defense Minister Mariusz Blaszczak today. Austin also "
    "spoke with Poland's chief of defense in a separate call.",
    "Prime Minister Boris Johnson visited Ukraine today. He also spoke by phone with President "
    "Zelenskyy later in the evening.",
])
def test_coder_state_contact_set_apart_stays(code_text, text) -> None:
    """A contact its words set apart, or made by other means (a visit beside a phone call),
    is a second contact, not the same one told with the state."""
    assert len([e for e in code_text(text) if e.type == "CONSULT" and "+dup" not in e.rule]) == 2


def test_coder_visit_told_apart_from_its_meeting_gives_its_mode(code_text) -> None:
    events = code_text("Prime Minister Kishida arrived in India today for a two-day visit. "
                       "He met Prime Minister Narendra Modi.")
    meeting = _one(events, "CONSULT")
    assert meeting.mode == "visit" and meeting.source.name == "Fumio Kishida"
    assert meeting.target.name == "Narendra Modi"


@pytest.mark.parametrize("sentence, praised", [
    # a person's leadership is the person's own (GUIDELINES 4: the person praised, not the
    # state they lead)
    ("President Biden commended President Macron's leadership of the summit.",
     "Emmanuel Macron"),
    ("The White House said President Biden praised Chancellor Scholz's leadership on "
     "climate.", "Olaf Scholz"),
])
def test_coder_person_leadership_praises_the_person(code_text, sentence: str,
                                                    praised: str) -> None:
    events = code_text(sentence, published=date(2022, 5, 10))
    support = [e for e in events if e.type == "SUPPORT" and e.modality == "asserted"]
    assert len(support) == 1
    assert support[0].target is not None and support[0].target.name == praised


@pytest.mark.parametrize("sentence, role, country", [
    # a state's leadership stays the state's
    ("President Biden commended Indonesia's leadership in ASEAN.", "target", "IDN"),
    # a leader's forces are the state's (only the role noun is personal)
    ("Putin's forces shelled the city of Kharkiv on Monday.", "source", "RUS"),
])
def test_coder_person_leadership_near_misses(code_text, sentence: str, role: str,
                                             country: str) -> None:
    events = [e for e in code_text(sentence, published=date(2022, 5, 10))
              if e.modality == "asserted"]
    assert len(events) == 1
    actor = getattr(events[0], role)
    assert actor is not None and actor.kind == "state" and actor.country == country


def test_coder_person_leadership_negated(code_text) -> None:
    events = code_text("President Biden did not praise President Macron's leadership.",
                       published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "SUPPORT" and e.modality == "asserted"]


@pytest.mark.parametrize("sentence", [
    # a request that a common effort goes on making is made, beside the agreement
    "The two ministers pledged continued coordination to urge Serbia to end its blockade.",
    "They agreed on the importance of close coordination in urging Serbia to end its "
    "blockade.",
])
def test_coder_request_of_a_common_effort_is_made(code_text, sentence: str) -> None:
    events = code_text("Secretary Blinken spoke with Foreign Minister Rau of Poland. " + sentence,
                       published=date(2022, 5, 10))
    mine = [e for e in events if e.sentence.startswith(sentence[:20])]
    assert {e.type for e in mine} == {"AGREE", "REQUEST"}
    request = _one(mine, "REQUEST")
    assert request.target is not None and request.target.name == "Serbia"
    assert request.source is not None and request.modality == "asserted"
    assert {"Antony Blinken", "Zbigniew Rau"} <= {a.name for a in request.actors}


@pytest.mark.parametrize("sentence", [
    # the request is still what is agreed on, not made
    "They agreed to urge Serbia to end its blockade.",
    # negated, and future: no effort told, so no request made
    "They did not agree on coordination to urge Serbia to end its blockade.",
    "They will pledge coordination to urge Serbia to end its blockade.",
])
def test_coder_request_of_a_common_effort_near_misses(code_text, sentence: str) -> None:
    events = code_text("Secretary Blinken spoke with Foreign Minister Rau of Poland. " + sentence,
                       published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "REQUEST" and e.modality == "asserted"
                and e.sentence.startswith(sentence[:20])]


def test_coder_one_joined_in_urging_is_a_co_source(code_text) -> None:
    """"X joined Y in urging Z": both ask Z (GUIDELINES 4: co-speakers are actors)."""
    request = _one(code_text("President Macron joined Chancellor Scholz in urging Belarus to "
                             "free the prisoners.", published=date(2022, 5, 10)), "REQUEST")
    assert request.source is not None and request.source.name == "Emmanuel Macron"
    assert request.target is not None and request.target.name == "Belarus"
    assert "Olaf Scholz" in {a.name for a in request.actors}


@pytest.mark.parametrize("text,source,target", [
    ("The American people are answering President Sandu's call for more help.", "Sandu",
     "United States"),
    ("Germany is working to fulfill the security assistance requests by Moldova.", "Moldova",
     "Germany"),
    # the appeal was made, whatever its answer
    ("Parliament did not heed President Macron's appeal for calm.", "Emmanuel Macron",
     "Parliament"),
])
def test_coder_a_request_answered_is_its_owners(code_text, text: str, source: str,
                                                target: str) -> None:
    request = _one([e for e in code_text(text, published=date(2022, 5, 10))
                    if e.rule == "request.answered_noun"], "REQUEST")
    assert request.source is not None and request.source.name == source
    assert request.target is not None and request.target.name == target
    assert request.modality == "asserted"


@pytest.mark.parametrize("text", [
    # a request only talked about, and one with no named owner, ask no one anything here
    "Parliament discussed President Macron's call for calm.",
    "The government is answering our people's call.",
    # a phone call returned is a contact
    "President Biden returned President Macron's call on Monday.",
])
def test_coder_a_request_answered_near_misses(code_text, text: str) -> None:
    assert not [e for e in code_text(text, published=date(2022, 5, 10))
                if e.rule == "request.answered_noun"]


@pytest.mark.parametrize("text", [
    # a call answered with nothing it asks for is a phone call; a market's demand met is
    # no one's request
    "Kishida answered the phone call from Biden late on Tuesday.",
    "Scholz answered Zelenskyy's call on Tuesday evening.",
    "Norway is working to meet Germany's demand for gas this winter.",
])
def test_coder_calls_and_demands_that_ask_nothing_are_no_request(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type == "REQUEST"]


def test_coder_a_call_for_something_answered_is_a_request(code_text) -> None:
    request = _one(code_text("Germany answered Zelenskyy's call for more tanks on Tuesday."),
                   "REQUEST")
    assert request.source.name == "Volodymyr Zelensky" and request.target.name == "Germany"


@pytest.mark.parametrize("text", [
    # the one joined in a material act does their own ("joined Germany in expelling Russian
    # diplomats"), and in a welcome aimed at no actor is no one welcomed
    "The United States joined Germany in expelling Russian diplomats.",
    "Germany joined France in welcoming the ceasefire.",
])
def test_coder_one_joined_is_no_party_outside_speech(code_text, text) -> None:
    joined = "Germany" if "expelling" in text else "France"
    assert not [e for e in code_text(text) if joined in [a.name for a in e.actors]]


def test_coder_a_new_effort_agreed_is_no_request_made(code_text) -> None:
    """An effort agreed or launched is a plan; only one carried on ("continued
    coordination") or whose importance is agreed is being made."""
    assert not [e for e in code_text("Macron and Scholz agreed to launch a campaign to urge "
                                     "Russia to withdraw.") if e.type == "REQUEST"
                and e.modality == "asserted"]


def test_coder_violence_against_a_crowd_in_a_place_blames_the_place(code_text) -> None:
    """A crowd named under a deed's noun is its setting's victims, not the one condemned."""
    accuse = _one(code_text("Blinken condemned the violence against protesters in Tehran."),
                  "ACCUSE")
    assert accuse.target is not None and accuse.target.name == "Iran"


@pytest.mark.parametrize("text", [
    # the title runs back past "for ... and ..." to its office word, a hyphen is no break,
    # (GUIDELINES 1: inside one government)
    "President Biden met today with Acting Deputy Administrator for Planning and Recovery "
    "Mara Tolliver and Homeland Security Advisor Dana Kessel-Ward to discuss storm "
    "preparations.",
    # a body named in a participant's title is that person's office, not a side
    "National Security Advisor Jake Sullivan met today with Director of the National Space "
    "Council Ellen Marsh.",
])
def test_coder_meeting_of_one_governments_officials_is_internal(coder, text) -> None:
    events = coder.code(Article(
        url="https://www.whitehouse.gov/briefing-room/x/", title="", origin="test",
        id="a_test", published=date(2021, 6, 23), text=text))
    assert not [e for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize("text", [
    # a foreign official comes with a state: a contact between two governments
    "National Security Advisor Jake Sullivan met today with Japanese Secretary General Ken "
    "Mori.",
    "National Security Advisor Jake Sullivan met today with Secretary of Foreign Affairs Elena "
    "Ruiz of Mexico.",
])
def test_coder_meeting_with_a_foreign_secretary_is_a_contact(coder, text) -> None:
    events = coder.code(Article(
        url="https://www.whitehouse.gov/briefing-room/x/", title="", origin="test",
        id="a_test", published=date(2021, 6, 23), text=text))
    assert len([e for e in events if e.type == "CONSULT"]) == 1


def _contact(*names: str, day: int = 4) -> Event:
    from sitrep.record import ActorRef
    return Event(type="CONSULT", actors=[ActorRef(n, "person") for n in names],
                 article_id="a", sentence="s", start=0, end=1, trigger_start=0,
                 date=date(2022, 5, day), date_precision="day")


def test_contact_told_again_by_surname_is_one_contact() -> None:
    # "Minister Kovac" later in the article is "Anna Kovac" met that day (GUIDELINES 2, 4);
    # another day, or a surname two people share, stays apart
    from sitrep.events.coder import _mark_duplicates, _surname_key
    events = [_contact("Antony Blinken", "Kovac"), _contact("Antony Blinken", "Anna Kovac"),
              _contact("Antony Blinken", "Kovac", day=9)]
    _mark_duplicates(events, _surname_key(events))
    kept = [e for e in events if not e.rule.endswith("+dup")]
    assert [sorted(a.name for a in e.actors) for e in kept] == [
        ["Anna Kovac", "Antony Blinken"], ["Antony Blinken", "Kovac"]]
    shared = [_contact("Antony Blinken", "Kovac"), _contact("Antony Blinken", "Anna Kovac"),
              _contact("Ivo Kovac", "Joe Biden")]
    _mark_duplicates(shared, _surname_key(shared))
    assert not [e for e in shared if e.rule.endswith("+dup")]


@pytest.mark.parametrize("text", [
    # an intent its determiner denies is a reassurance, the act denied, no threat
    "Biden said the United States has no intention of fighting Russia.",
    "Putin said Russia has no plans to invade Ukraine.",
])
def test_coder_an_intent_denied_threatens_nothing(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type in ("THREATEN", "ASSAULT", "AGREE")
                and e.modality in ("asserted", "future")]


def test_coder_bare_police_is_the_force_named_before(code_text) -> None:
    """"Police arrested X" after the story named "Ridgeview Police Department": that force
    (the training labels name it), not a nameless "police"."""
    events = code_text("The Ridgeview Police Department opened an inquiry on Monday. "
                       "Police arrested Jonas Weller on Tuesday.")
    arrest = _one(events, "COERCE")
    assert arrest.source is not None and arrest.source.name == "Ridgeview Police Department"
    assert arrest.target is not None and arrest.target.name == "Jonas Weller"


def test_coder_bare_police_unnamed_stays_police(code_text) -> None:
    """With no force named in the story, bare police stay a generic group."""
    arrest = _one(code_text("Police arrested Jonas Weller on Tuesday."), "COERCE")
    assert arrest.source is not None and arrest.source.name == "police"


@pytest.mark.parametrize("text", [
    # a secretary general or a foreign secretary is no office of the publishing government
    "Secretary Blinken met with OAS Secretary General Luis Almagro today.",
    "Secretary Blinken met with Foreign Secretary Amara Diallo today.",
])
def test_coder_a_foreign_secretary_met_is_a_contact(coder, text) -> None:
    events = coder.code(Article(url="https://www.state.gov/x", title="", text=text,
                                origin="test", published=date(2022, 5, 10), id="a_test"))
    assert [e for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize(("text", "police"), [
    # another force than the one the story named: a place in the sentence, or words of its own
    ("The Ridgeview Police Department opened an inquiry on Sunday. In France, police "
     "arrested Jonas Weller on Monday.", "French police"),
    ("The Ridgeview Police Department opened an inquiry on Sunday. State police arrested "
     "Jonas Weller on Monday.", "police"),
])
def test_coder_other_police_are_not_the_named_force(code_text, text, police) -> None:
    arrest = _one(code_text(text), "COERCE")
    assert arrest.source is not None and arrest.source.name == police


def test_coder_security_forces_in_a_city_are_their_state(code_text) -> None:
    """Armed and security forces map to their state (GUIDELINES 4)."""
    event = _one(code_text("Security forces in Baghdad opened fire on demonstrators on "
                           "Sunday."), "ASSAULT")
    assert event.source is not None and event.source.name == "Iraq"


def test_coder_a_refusal_to_answer_a_demand_is_the_refusal(code_text) -> None:
    """"refused to respond to a demand from X": the REJECT is the event, not X's request
    answered (a sentence coded alone keeps the refusal)."""
    events = code_text("Prime Minister Haniyeh has refused to respond to a demand from the "
                       "international community to recognise Israel.")
    assert [e for e in events if e.type == "REJECT"]
    assert not [e for e in events if e.rule == "request.answered_noun"]


@pytest.mark.parametrize(("text", "etype"), [
    ("Germany held no talks with Poland on Monday.", "CONSULT"),
    ("Germany expressed no support for Poland on Monday.", "SUPPORT"),
    ("Germany reached no agreement with Poland on Monday.", "AGREE"),
    ("Germany made no promise to send tanks to Ukraine.", "AGREE"),
    ("Germany offered no help to Ukraine on Monday.", "AGREE"),
    ("Poland sent no troops to Ukraine on Monday.", "MOBILIZE"),
])
def test_coder_an_event_noun_denied_by_no_is_negated(code_text, text, etype) -> None:
    """"held no talks", "reached no agreement", "offered no help", "sent no troops": the
    clause is asserted, its event is not."""
    events = [e for e in code_text(text) if e.type == etype]
    assert events and all(e.modality == "negated" for e in events)


@pytest.mark.parametrize(("text", "etype"), [
    ("Germany held talks with Poland on Monday.", "CONSULT"),
    ("Germany reached an agreement with Poland on Monday.", "AGREE"),
])
def test_coder_an_event_noun_with_its_article_stays_asserted(code_text, text, etype) -> None:
    assert any(e.modality == "asserted" for e in code_text(text) if e.type == etype)


@pytest.mark.parametrize("text", [
    "The Houthis claimed responsibility for the attack on Saudi Arabia.",
    "The Houthis claimed they had struck a Saudi army base.",
    "The Houthis claimed their fighters had struck a Saudi army base.",
    "The storm claimed the lives of ten people in Peru.",
])
def test_coder_a_claim_of_ones_own_deed_accuses_no_one(code_text, text) -> None:
    """Claiming one's own deed or victory, or a toll, is no accusation."""
    assert not [e for e in code_text(text) if e.type == "ACCUSE" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "Armenia did not claim that Azerbaijani troops had shelled its villages.",
    "Armenia may claim that Azerbaijani troops had shelled its villages.",
])
def test_coder_a_claim_not_made_is_no_allegation(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type == "ACCUSE" and e.modality == "asserted"]


@pytest.mark.parametrize(("text", "mode", "target"), [
    ("The ministers condemned the mass shooting in Toronto.", "firearms", "Canada"),
    ("She sent her condolences after the stabbing in Lyon on Sunday.", "primitive", "France"),
    ("Officials said the shooting of a shopkeeper in Ohio last week was under "
     "investigation.", "firearms", "United States"),
])
def test_coder_shooting_with_no_doer_hits_the_place(code_text, text, mode, target) -> None:
    """A shooting or stabbing told with no attacker named is an attack on the state where it
    happened (GUIDELINES 4: source null when the attacker is unknown)."""
    attack = _one(code_text(text, date(2022, 5, 10)), "ASSAULT")
    assert attack.modality == "asserted" and attack.mode == mode
    assert attack.source is None and attack.target.name == target


def test_coder_shooting_of_a_named_victim_without_doer(code_text) -> None:
    # a named victim of a shooting by someone unknown is the target, the doer left null
    attack = _one(code_text("Crowds protested after the shooting of Ana Ortiz.",
                            date(2022, 5, 10)), "ASSAULT")
    assert (attack.source, attack.target.name, attack.mode) == (None, "Ana Ortiz", "firearms")


@pytest.mark.parametrize(("text", "modality"), [
    ("Police said there was no shooting in Boston.", "negated"),
    ("Another shooting in Texas could happen.", "hypothetical"),
])
def test_coder_shooting_denied_or_possible_is_not_asserted(code_text, text, modality) -> None:
    attacks = [e for e in code_text(text) if e.type == "ASSAULT"]
    assert attacks and all(e.modality == modality for e in attacks)


@pytest.mark.parametrize("text", [
    # shootings counted over years, with no place or victim named, are no one attack
    "The country has seen many shootings in recent years.",
    # a shooting named by its year is remembered background
    "The vigil marked ten years since the 2012 school shooting in Newtown.",
])
def test_coder_shootings_generic_or_remembered_are_no_attack(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type == "ASSAULT"]


def test_coder_stabbing_by_named_attacker(code_text) -> None:
    attack = _one(code_text("Anders Berg stabbed the mayor of Oslo at a rally on Friday.",
                            date(2022, 5, 10)), "ASSAULT")
    assert attack.mode == "primitive" and attack.source.name == "Anders Berg"


def test_coder_attack_target_hung_on_the_condemning_verb(code_text) -> None:
    # a time phrase between the attack and "against" makes the parser hang the target on
    # the verb; it is still the attack's target (its place's state)
    attack = _one(code_text("We condemn the Houthi attacks over the past week against "
                            "hospitals in Yemen."), "ASSAULT")
    assert (attack.source.name, attack.target.name) == ("Houthis", "Yemen")


@pytest.mark.parametrize(("text", "modality"), [
    ("Sweden voiced support for peaceful protestors in Iran.", "asserted"),
    ("Sweden did not voice support for the protestors in Iran.", "negated"),
])
def test_coder_protestors_spelling_is_a_crowd(code_text, text, modality) -> None:
    """"protestors" is the other common spelling of "protesters": the same crowd, an actor
    that support can be addressed to (no event was coded for it before)."""
    support = [e for e in code_text(text) if e.type == "SUPPORT"]
    if modality == "asserted":
        assert support and support[0].target is not None
        assert support[0].target.name == "Iranian protestors"
    else:
        assert all(e.modality != "asserted" for e in support)


@pytest.mark.parametrize("text", [
    "Turkey turned down the heat on Sweden after the talks.",
    "The offensive yielded gains for Russia near Bakhmut.",
])
def test_coder_heat_turned_down_and_gains_yielded_are_no_refusal_or_concession(
        code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type in ("REJECT", "CONCEDE")
                and e.modality == "asserted"]


def test_coder_gains_conceded_are_a_concession(code_text) -> None:
    """Only "yield" produces gains; "conceded Russian gains" admits them."""
    assert _one(code_text("The Ukrainian commander conceded Russian gains near Bakhmut."),
                "CONCEDE")


@pytest.mark.parametrize("text", [
    "The shooting of the film in Morocco was delayed by a sandstorm.",
    "The minister said the stabbing of the peace process in Yemen must stop.",
    "Shootings in Chicago have risen over the past decade.",
    "Families gathered to mark last year's shooting in Nashville.",
    "Three years after the shooting in El Paso, families still await justice.",
])
def test_coder_a_shooting_not_told_as_news_is_no_attack(code_text, text) -> None:
    """A film shot, a process stabbed, shootings in general, or one remembered by its year
    is no attack of the story."""
    assert not [e for e in code_text(text) if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "The High Court of Nigeria ruled on the appeal by Governor Babajide Sanwo-Olu.",
    "The High Court of Nigeria ruled on the petition against Governor Babajide Sanwo-Olu.",
])
def test_coder_a_ruling_on_a_matter_judges_no_side(code_text, text) -> None:
    """"Ruled on the appeal" names the matter decided, not a finding against anyone."""
    assert not code_text(text)


def test_coder_a_ruling_that_tells_its_finding_stays_an_accusation(code_text) -> None:
    """A ruling whose clause tells the finding judges its side, even with an "on" day."""
    event = _one(code_text("Judge Amaka Obi ruled on Wednesday that Governor Babajide "
                           "Sanwo-Olu had violated the constitution."), "ACCUSE")
    assert (event.source.name, event.target.name) == ("Amaka Obi", "Babajide Sanwo-Olu")


@pytest.mark.parametrize("text", [
    "Secretary Blinken met with Foreign Minister Kuleba on Monday, then with President Duda.",
    "Secretary Blinken met with Foreign Minister Kuleba on Monday and afterwards with President "
    "Duda.",
])
def test_coder_partners_met_one_after_another_are_two_contacts(code_text, text) -> None:
    """"met with A, then with B": a contact with each in turn, not one meeting of three."""
    contacts = [e for e in code_text(text, published=date(2022, 5, 10)) if e.type == "CONSULT"]
    assert sorted(sorted(r.name for r in e.actors) for e in contacts) == [
        ["Andrzej Duda", "Antony Blinken"], ["Antony Blinken", "Dmytro Kuleba"]]
    assert all(e.date == date(2022, 5, 9) and e.modality == "asserted" for e in contacts)


@pytest.mark.parametrize("text", [
    "Secretary Blinken met with Foreign Minister Kuleba and President Duda on Monday.",
    "Secretary Blinken met with Foreign Minister Kuleba and President Duda and then flew home.",
])
def test_coder_partners_met_together_are_one_contact(code_text, text) -> None:
    """Without a word of sequence on a later partner (a "then" on the next verb is none),
    the partners met together."""
    contacts = [e for e in code_text(text, published=date(2022, 5, 10)) if e.type == "CONSULT"
                and e.mode != "visit"]
    assert [sorted(r.name for r in e.actors) for e in contacts] == [
        ["Andrzej Duda", "Antony Blinken", "Dmytro Kuleba"]]


@pytest.mark.parametrize("text", [
    "Secretary Blinken will meet with Foreign Minister Kuleba, then with President Duda.",
    "Secretary Blinken did not meet with Foreign Minister Kuleba, then with President Duda.",
])
def test_coder_partners_not_yet_met_in_turn_are_no_contact(code_text, text) -> None:
    """"will meet with A, then with B" announces meetings (AGREE) and a denied one stays
    denied: no contact took place."""
    events = code_text(text)
    assert not [e for e in events if e.type == "CONSULT" and e.modality == "asserted"]



def test_coder_the_quad_is_a_body(code_text) -> None:
    """The Quad (Australia, India, Japan, the United States) is a grouping like the G7."""
    event = _one(code_text("The Quad condemned North Korea's missile launch on Monday."),
                 "ACCUSE")
    assert event.source is not None and event.source.name == "Quad"


@pytest.mark.parametrize(("text", "etype"), [
    ("Britain sent no troops but plenty of weapons to Ukraine on Monday.", "AID"),
    ("Poland has given Ukraine no fewer than 200 tanks.", "AID"),
])
def test_coder_no_on_one_object_or_a_count_denies_nothing(code_text, text, etype) -> None:
    assert any(e.modality == "asserted" for e in code_text(text) if e.type == etype)


def test_coder_partners_met_together_before_then_stay_one_meeting(code_text) -> None:
    events = [e for e in code_text("Secretary Blinken met with Sergey Lavrov and Wang Yi in a "
                                   "trilateral meeting, then with Subrahmanyam Jaishankar.")
              if e.type == "CONSULT"]
    assert not any({a.name for a in e.actors} == {"Antony Blinken", "Sergey Lavrov"}
                   for e in events)


def test_coder_a_summit_of_a_body_and_a_state_is_a_meeting_of_both(code_text) -> None:
    meeting = _one(code_text("Chancellor Olaf Scholz attended the EU-China summit on Monday."),
                   "CONSULT")
    assert "China" in {a.name for a in meeting.actors}


def test_coder_no_on_one_listed_object_denies_nothing(code_text) -> None:
    events = code_text("Japan provided no weapons but substantial humanitarian aid to Ukraine.")
    assert any(e.modality == "asserted" for e in events if e.type == "AID")


def test_coder_bare_title_is_the_holder_named_before(code_text) -> None:
    # GUIDELINES 4: persons by full name even where the text uses a title alone ("the mayor")
    events = code_text("Mayor Libby Tanner of Eastvale spoke to reporters on Monday. "
                       "The mayor criticized the police for their response on Monday. "
                       "Governor Gavin Morrow of Oregon spoke on Monday. "
                       "On Monday the governor urged protesters to stay calm.")
    accuse = _one(events, "ACCUSE")
    assert accuse.source is not None and accuse.source.name == "Libby Tanner"
    request = _one(events, "REQUEST")
    assert request.source is not None and request.source.name == "Gavin Morrow"


def test_coder_bare_title_names_no_one_before_a_holder(code_text) -> None:
    # with no mayor named earlier, "the mayor" is no person of the story (not the last one)
    events = code_text("Gavin Morrow spoke to reporters on Monday. "
                       "The mayor criticized the police for their response on Monday.")
    assert all(r.name != "Gavin Morrow" for e in events if e.type == "ACCUSE"
               for r in e.actors)


def test_coder_a_group_that_rules_a_state_finds_no_one_guilty(code_text) -> None:
    """"ruled" by a court is a finding; by a group or a state it is governing."""
    assert not [e for e in code_text("The Taliban ruled Afghanistan from 1996 to 2001.")
                if e.type == "ACCUSE"]
    ruling = code_text("The Supreme Court of Ohio ruled on Monday that Governor Mike DeWine "
                       "had violated the state constitution.")
    assert [e for e in ruling if e.type == "ACCUSE"]


@pytest.mark.parametrize(("text", "source"), [
    # the small model hangs "should X invade" on the verb of saying and the consequence
    # beside it (tests/events/test_parse_fixes.py); read as it is said, it is a warning, by
    # the one who will impose the costs (GUIDELINES 7) or, when they are only faced, the
    # one who says so
    ("Secretary Blinken made clear that should Venezuela invade Guyana, the United States "
     "would impose severe costs on Venezuela.", "United States"),
    ("Secretary Blinken reiterated that should Venezuela invade Guyana, Caracas would face "
     "swift and severe costs.", "Antony Blinken"),
])
def test_coder_warning_after_that_and_an_inverted_condition(code_text, text, source) -> None:
    threat = _one(code_text(text, published=date(2022, 5, 10)), "THREATEN")
    assert threat.modality == "asserted" and threat.mode == "restrict"
    assert threat.source.name == source and threat.target.name == "Venezuela"


@pytest.mark.parametrize("text", [
    # the condition is on the act the readiness is for, or read as the verb's complement
    "Secretary Blinken underscored the U.S. readiness to impose massive costs if Venezuela "
    "invades Guyana.",
    "Secretary Blinken underscored the U.S. readiness to impose massive costs should "
    "Venezuela invade Guyana.",
])
def test_coder_readiness_held_over_a_condition_threatens_its_subject(code_text, text) -> None:
    threat = _one(code_text(text, published=date(2022, 5, 10)), "THREATEN")
    assert threat.modality == "asserted"
    assert threat.source.name == "Antony Blinken" and threat.target.name == "Venezuela"


def test_coder_readiness_held_over_no_actor_threatens_no_one(code_text) -> None:
    events = code_text("Secretary Blinken underscored the U.S. readiness to impose massive "
                       "costs if the talks fail.", published=date(2022, 5, 10))
    assert "THREATEN" not in {e.type for e in events}


@pytest.mark.parametrize("dateline", [
    "OSLO, Jan 14 (Reuters) - ", "OSLO (AP) — ", "Oslo, Norway (CNN) -- ", "OSLO, Norway — "])
def test_coder_wire_dateline_is_no_participant(code_text, dateline) -> None:
    # the city a story was filed from is no place of its news (it made Norway a party)
    agree = _one(code_text(dateline + "Chile and Peru signed a fisheries pact on Wednesday."),
                 "AGREE")
    assert {r.name for r in agree.actors} == {"Chile", "Peru"}
    assert agree.date == date(2022, 1, 12)
    assert agree.sentence.startswith("Chile and Peru")


def test_coder_wire_dateline_does_not_hide_the_lead(code_text) -> None:
    # read with the dateline, the parser lost the subject of the lead sentence
    events = code_text("QUITO (Reuters) - Ecuador and Colombia agreed to a border truce on "
                       "Wednesday.")
    assert {r.name for r in _one(events, "AGREE").actors} == {"Ecuador", "Colombia"}


def test_coder_a_dash_after_a_name_is_no_dateline(code_text) -> None:
    # a capitalised word and a dash open ordinary sentences: the name stays a participant
    accuse = _one(code_text("Chile — along with Peru — condemned Bolivia on Wednesday."),
                  "ACCUSE")
    assert accuse.source is not None and accuse.source.name == "Chile"


@pytest.mark.parametrize(("text", "threat"), [
    # forces or arms to be sent *to* a people support them as often as they threaten them
    ("Germany said it would send 14 tanks to Ukraine.", False),
    ("The United States will deploy more troops to Poland.", False),
    # sent into, near or along someone's border, they threaten
    ("Venezuela will send more troops into Guyana.", True),
    ("Venezuela will deploy troops along the border with Guyana.", True),
])
def test_coder_forces_to_be_sent_threaten_only_those_sent_at(code_text, text,
                                                             threat) -> None:
    events = code_text(text, published=date(2023, 1, 24))
    assert ("THREATEN" in {e.type for e in events}) is threat


def test_coder_byline_above_a_dateline_is_no_participant(code_text) -> None:
    events = code_text("By Jane Doe\nWASHINGTON (AP) — President Biden spoke with Chinese "
                       "President Xi Jinping on Monday.", published=date(2022, 5, 10))
    contact = _one(events, "CONSULT")
    assert {a.name for a in contact.actors} == {"Joe Biden", "Xi Jinping"}
    assert contact.sentence.startswith("President Biden spoke")


@pytest.mark.parametrize("text", [
    "Will the United States impose sanctions on Venezuela if it invades Guyana?",
    "Analysts expect that if Venezuela invades Guyana, the United States will impose "
    "sanctions on Venezuela.",
    "The United States did not say whether it would impose sanctions on Venezuela if it "
    "invaded Guyana.",
    "If Venezuela invades, the United States would likely impose sanctions on Venezuela.",
])
def test_coder_guessed_consequences_of_a_condition_are_no_threat(code_text, text) -> None:
    assert "THREATEN" not in {e.type for e in code_text(text, published=date(2022, 5, 10))}


@pytest.mark.parametrize("text", [
    "Venezuela will send troops to the border with Guyana.",
    "Venezuela said it would deploy missiles to its coast in response to Guyana.",
])
def test_coder_forces_sent_to_a_border_or_in_response_still_threaten(code_text,
                                                                     text) -> None:
    assert "THREATEN" in {e.type for e in code_text(text, published=date(2023, 1, 24))}


def test_coder_forces_offered_on_a_condition_threaten_no_recipient(code_text) -> None:
    events = code_text("Germany will send tanks to Ukraine if Kyiv asks for them.",
                       published=date(2023, 1, 24))
    assert "THREATEN" not in {e.type for e in events}


@pytest.mark.parametrize("text", [
    # a deed told in the indicative under "it is important that" is still told
    "It is important that Venezuela has released the two Guyanese fishermen.",
    "It was important that Blinken met Lavrov in Geneva, the diplomat said.",
])
def test_coder_deeds_told_under_an_adjective_of_need_stay_asserted(code_text, text) -> None:
    events = code_text(text, published=date(2022, 5, 10))
    assert events and all(e.modality == "asserted" for e in events)


@pytest.mark.parametrize(("text", "etype", "members"), [
    # an informal grouping of states named as a group: its member states (GUIDELINES 4)
    ("President Biden met with the leaders of the three Baltic countries in Vilnius.",
     "CONSULT", {"EST", "LVA", "LTU"}),
    ("The Prime Minister of Japan thanked the Nordic countries for their generous help.",
     "SUPPORT", {"DNK", "FIN", "ISL", "NOR", "SWE"}),
    ("Secretary Blinken met with his E3 counterparts on Tuesday.", "CONSULT",
     {"FRA", "DEU", "GBR"}),
    ("Secretary Blinken met the Benelux foreign ministers on Tuesday.", "CONSULT",
     {"BEL", "NLD", "LUX"}),
])
def test_coder_groupings_of_states_take_their_members(code_text, text, etype,
                                                      members) -> None:
    event = _one(code_text(text), etype)
    assert members <= _countries(event.actors)


def test_coder_grouping_counterparts_named_before_are_the_persons(code_text) -> None:
    # the people of a grouping the article named are those persons, not their states
    events = code_text("Secretary Antony Blinken spoke with French Foreign Minister Catherine "
                       "Colonna, German Foreign Minister Annalena Baerbock and British Foreign "
                       "Secretary James Cleverly on Monday. On Tuesday, Secretary Blinken met "
                       "with his E3 counterparts in Brussels.", published=date(2023, 3, 8))
    met = [e for e in events if e.type == "CONSULT" and "met" in e.sentence]
    assert met and {"Catherine Colonna", "Annalena Baerbock"} <= {a.name for a in met[0].actors}


def test_coder_ministers_of_a_body_are_the_body(code_text) -> None:
    # "the foreign ministers of the GCC" are the body's, not the principal's own office
    event = _one(code_text("Secretary Blinken met with the foreign ministers of the Gulf "
                           "Cooperation Council on Monday."), "CONSULT")
    assert {a.name for a in event.actors} == {"Antony Blinken", "Gulf Cooperation Council"}


@pytest.mark.parametrize("text", [
    # a grouping where something happens is a place; its sea is no grouping; a negated meeting
    "Russia deployed more troops in the Baltic states on Monday.",
    "Russian warships sailed in the Baltic Sea on Monday.",
    "Secretary Blinken did not meet the Nordic foreign ministers on Tuesday.",
])
def test_coder_groupings_of_states_near_misses(code_text, text) -> None:
    events = [e for e in code_text(text) if e.modality == "asserted"]
    assert not any({"EST", "DNK"} & _countries(e.actors) for e in events), \
        [(e.type, [a.name for a in e.actors]) for e in events]


def test_coder_a_sentence_naming_no_one_new_keeps_the_subject(code_text) -> None:
    # "him" and "the leaders" name no one new: "He" is still the one who met
    events = code_text("President Biden met Chancellor Scholz in Berlin. It was a warm "
                       "engagement between him and the leaders. He thanked the leaders for "
                       "their support.")
    thanks = _one(events, "SUPPORT")
    assert thanks.source is not None and thanks.source.name == "Joe Biden"
    # a sentence that names someone new moves "He" to that person, as before
    events = code_text("President Biden met Chancellor Scholz in Berlin. The talks followed a "
                       "speech by President Macron. He thanked the students for their support.")
    assert all(e.source is None or e.source.name != "Joe Biden"
               for e in events if e.type == "SUPPORT")


def test_coder_a_reported_he_continues_the_subject_above(code_text) -> None:
    # "he" of a clause that "X told Y" governs is X, not the nearer Y
    events = code_text("Secretary Blinken told Foreign Minister Wang that he would visit "
                       "Beijing in March.")
    visit = _one(events, "CONSULT") if any(e.type == "CONSULT" for e in events) else \
        _one(events, "AGREE")
    assert "Antony Blinken" in {a.name for a in visit.actors}
    # an object pronoun still skips its own clause's subject
    events = code_text("President Biden met Chancellor Scholz, and he thanked him for his "
                       "support.")
    thanks = _one(events, "SUPPORT")
    assert (thanks.source.name, thanks.target.name) == ("Joe Biden", "Olaf Scholz")


@pytest.mark.parametrize(("text", "modality"), [
    # an occasion had tells what was done on it; one to come or denied does not
    ("President Biden had the opportunity to meet with President Duda of Poland.", "asserted"),
    ("President Biden had the chance to talk to President Duda of Poland.", "asserted"),
    ("President Biden did not have the chance to talk to President Duda of Poland.",
     "negated"),
])
def test_coder_an_occasion_taken_tells_the_contact(code_text, text, modality) -> None:
    contact = _one(code_text(text, published=date(2021, 6, 14)), "CONSULT")
    assert contact.modality == modality
    assert {a.name for a in contact.actors} == {"Joe Biden", "Andrzej Duda"}


def test_coder_an_opportunity_offered_is_no_contact(code_text) -> None:
    events = code_text("The summit is an opportunity to meet with President Duda of Poland.",
                       published=date(2021, 6, 14))
    assert not [e for e in events if e.type == "CONSULT" and e.modality == "asserted"]


@pytest.mark.parametrize(("text", "etype", "day"), [
    # a plan or warning made as it is said takes the day it is said (GUIDELINES 6)
    ("President Biden announced on Monday that he will meet President Xi next month.",
     "AGREE", date(2022, 5, 9)),
    ("President Biden said on Monday that Venezuela would face swift and severe costs if it "
     "invades Guyana.", "THREATEN", date(2022, 5, 9)),
    ("President Biden said that Venezuela would face swift and severe costs if it invades "
     "Guyana.", "THREATEN", date(2022, 5, 12)),
])
def test_coder_plans_and_warnings_take_the_day_they_are_said(code_text, text, etype,
                                                              day) -> None:
    event = _one(code_text(text, published=date(2022, 5, 12)), etype)
    assert event.date == day


def test_coder_a_warning_is_not_against_the_speakers_own_state(code_text) -> None:
    threat = _one(code_text("President Biden warned that the United States will impose "
                            "severe sanctions on Venezuela.", published=date(2022, 5, 12)),
                  "THREATEN")
    assert (threat.source.name, threat.target.name) == ("Joe Biden", "Venezuela")


@pytest.mark.parametrize(("text", "etype", "modality"), [
    # readiness to punish warns; readiness to talk or help promises (agree.willing)
    ("The European Union is ready to impose new sanctions on Venezuela.", "THREATEN",
     "asserted"),
    ("The European Union is not ready to impose new sanctions on Venezuela.", "THREATEN",
     "negated"),
    ("The European Union is ready to resume talks with Venezuela.", "AGREE", "asserted"),
])
def test_coder_readiness_adjectives_warn_or_promise_by_their_act(code_text, text, etype,
                                                                  modality) -> None:
    event = _one(code_text(text, published=date(2022, 5, 12)), etype)
    assert event.modality == modality
    assert (event.source.name, event.target.name) == ("European Union", "Venezuela")


@pytest.mark.parametrize(("text", "names", "day"), [
    # the attack noun that did the harm names who attacked whom, and takes the harm's day
    ("A Russian missile strike on Odesa killed three civilians on Saturday.",
     ("Russia", "Ukraine"), date(2022, 3, 12)),
    ("The Venezuelan drone attack on Guyana killed two people.", ("Venezuela", "Guyana"),
     date(2022, 3, 17)),
])
def test_coder_an_attack_that_killed_unnamed_people_is_coded(code_text, text, names,
                                                             day) -> None:
    attack = _one(code_text(text, published=date(2022, 3, 17)), "ASSAULT")
    assert (attack.source.name, attack.target.name) == names
    assert attack.date == day


@pytest.mark.parametrize(("text", "names", "mode", "day"), [
    # a harm told in the passive, or "died", with no doer: the attack in whose "in" or
    # "during" phrase it was done is the event, against those harmed or the place hit,
    # with the attack noun's mode and the harm's day
    ("Four Guyanese soldiers were killed in a Venezuelan airstrike on Monday.",
     ("Venezuela", "Guyana"), "aerial", date(2022, 3, 14)),
    ("Two Saudi border guards were wounded during a Houthi drone strike on Tuesday.",
     ("Houthis", "Saudi Arabia"), "drone", date(2022, 3, 15)),
    ("Six civilians were killed in Russian shelling of Ukrainian border villages on Monday.",
     ("Russia", "Ukraine"), "heavy-weapons", date(2022, 3, 14)),
    ("Nine Guyanese fishermen died in a Venezuelan rocket attack.",
     ("Venezuela", "Guyana"), "aerial", date(2022, 3, 17)),
    ("Three civilians were killed and eleven Guyanese were injured in a rocket attack by "
     "Venezuela on Monday.", ("Venezuela", "Guyana"), "aerial", date(2022, 3, 14)),
])
def test_coder_people_harmed_in_an_owned_attack_tell_the_attack(code_text, text, names, mode,
                                                                day) -> None:
    attack = _one(code_text(text, published=date(2022, 3, 17)), "ASSAULT")
    assert (attack.source.name, attack.target.name) == names
    assert attack.mode == mode and attack.date == day


@pytest.mark.parametrize("text", [
    # an accident, an attack no one is said to own, a harm denied or only possible
    "Four Guyanese soldiers were killed in a car crash on Monday.",
    "Two Guyanese workers died in a fire at a Venezuelan oil depot.",
    "Four Guyanese soldiers were killed in an explosion on Monday.",
    "No Guyanese soldiers were killed in the Venezuelan airstrike on Monday.",
    "Guyanese soldiers could be killed in a Venezuelan airstrike, officials warned.",
    "If Guyanese soldiers are killed in a Venezuelan airstrike, Guyana will respond.",
    # a habit, no one attack
    "Guyanese fishermen are regularly wounded in Venezuelan drone strikes.",
])
def test_coder_people_harmed_with_no_attack_asserted_tell_none(code_text, text) -> None:
    events = code_text(text, published=date(2022, 3, 17))
    assert not [e for e in events if e.type == "ASSAULT" and e.modality == "asserted"]


def test_coder_an_attack_told_by_its_verb_is_not_told_again_by_its_harm(code_text) -> None:
    # "were killed in the shelling" is the shelling the verb tells, not a second attack
    events = code_text("Venezuelan forces shelled Georgetown on Monday, and six Guyanese "
                       "civilians were killed in the Venezuelan shelling.",
                       published=date(2022, 3, 17))
    assert [e.rule for e in events if e.type == "ASSAULT"] == ["assault.shell"]


def test_coder_an_attack_that_killed_a_named_person_targets_the_person(code_text) -> None:
    attack = _one(code_text("A Venezuelan airstrike on Guyana killed rebel commander Ahmed "
                            "Saleh.", published=date(2022, 3, 17)), "ASSAULT")
    assert attack.target.name == "Ahmed Saleh"


def test_coder_a_demonym_on_the_compound_before_an_attack_is_its_doer(code_text) -> None:
    # "a Venezuelan drone attack": the small model hangs "Venezuelan" on "drone"
    events = code_text("The United States condemned the Venezuelan drone attack on Guyana.",
                       published=date(2022, 3, 17))
    attack, blame = _one(events, "ASSAULT"), _one(events, "ACCUSE")
    assert (attack.source.name, attack.target.name) == ("Venezuela", "Guyana")
    assert (blame.source.name, blame.target.name) == ("United States", "Venezuela")


@pytest.mark.parametrize("text", [
    # an occasion let go, missing, hoped for or habitual tells no contact
    "Biden had the opportunity to meet Putin in Geneva but declined.",
    "Blinken had no opportunity to speak with Lavrov in Bali.",
    "Blinken hopes to have the opportunity to meet Wang Yi in Bali.",
    "Each year, Blinken has the opportunity to meet with his ASEAN counterparts in Jakarta.",
])
def test_coder_an_occasion_not_taken_is_no_contact(code_text, text) -> None:
    events = code_text(text, published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "CONSULT" and e.modality == "asserted"]


def test_coder_an_obligation_told_is_the_one_told(code_text) -> None:
    # "told Putin that he must withdraw": the demand is Putin's to meet
    request = _one(code_text("Biden told Putin on Monday that he must withdraw his troops "
                             "from the border.", published=date(2022, 5, 10)), "REQUEST")
    assert (request.source.name, request.target.name) == ("Joe Biden", "Vladimir Putin")


def test_coder_the_day_said_is_not_a_relative_clauses(code_text) -> None:
    events = code_text("Biden, speaking after talks on Friday, said on Monday that he will host "
                       "Yoon in June.", published=date(2022, 5, 10))
    assert _one(events, "AGREE").date == date(2022, 5, 9)


@pytest.mark.parametrize("text", [
    # the harm told is only possible: no attack asserted by the noun
    "A Russian missile strike on Odesa could kill many civilians, officials warned.",
    "If a Russian missile strike on Odesa killed civilians, NATO would respond.",
])
def test_coder_an_attack_that_may_have_harmed_is_not_told_by_its_noun(code_text,
                                                                    text) -> None:
    events = code_text(text, published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "ASSAULT" and e.modality == "asserted"
                and e.rule == "assault.attack_bare"]


@pytest.mark.parametrize("text", [
    "President Biden said he’ll meet with President Macron.",
    "President Biden said he'll meet with President Macron.",
])
def test_coder_a_future_with_either_apostrophe_is_a_plan(code_text, text) -> None:
    # "’ll" is the future "'ll" is: an announced meeting (AGREE), no meeting held
    events = code_text(text)
    assert _one(events, "AGREE").rule.endswith(">future")
    assert not [e for e in events if e.type == "CONSULT" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "France won’t condemn Germany.",
    "France can’t condemn Germany.",
    "France didn’t condemn Germany.",
])
def test_coder_a_negation_with_a_typographic_apostrophe(code_text, text) -> None:
    assert _one(code_text(text), "ACCUSE").modality == "negated"


@pytest.mark.parametrize("agenda", [
    "The minister and I are going to talk about energy security.",
    "The minister and I’ll talk about energy security.",
    "Today the minister and I will discuss energy security.",
])
def test_coder_the_agenda_of_a_meeting_is_no_plan(code_text, agenda) -> None:
    # what the speaker will talk about in the talks under way is their agenda, no promise
    # to meet
    events = code_text("SECRETARY BLINKEN: It’s a real pleasure to have Foreign Minister "
                       "Kuleba here at the State Department. " + agenda)
    assert _one(events, "CONSULT").modality == "asserted"
    assert not [e for e in events if e.type == "AGREE"]


def test_coder_talks_again_later_are_a_plan(code_text) -> None:
    events = code_text("Secretary Blinken met Foreign Minister Kuleba today. "
                       "They’ll talk again next week.")
    agree = _one(events, "AGREE")
    assert agree.modality == "asserted" and agree.date == date(2022, 1, 14)


@pytest.mark.parametrize(("text", "modality"), [
    # the speaker's own undertaking of the day is made as it is said (GUIDELINES 5, 6);
    # one of a later day, or a denied one, is not
    ("PRESIDENT BIDEN: Later today, we’ll sign a new agreement with Japan.", "asserted"),
    ("PRESIDENT BIDEN: Next month, we’ll sign a new agreement with Japan.", "future"),
    ("PRESIDENT BIDEN: Later today, we won’t sign a new agreement with Japan.", "negated"),
])
def test_coder_the_speakers_undertaking_of_the_day(code_text, text, modality) -> None:
    agree = _one(code_text(text), "AGREE")
    assert agree.modality == modality and agree.date == date(2022, 1, 14)


@pytest.mark.parametrize("text", [
    # a talk with a named partner is a plan to meet (AGREE), not the agenda of talks underway
    "“We’ll talk to President Putin about Ukraine,” Macron said.",
    "“We're going to speak with Prime Minister Kishida about North Korea,” Biden said.",
])
def test_coder_a_talk_planned_with_a_partner_is_no_agenda(code_text, text) -> None:
    assert "AGREE" in {e.type for e in code_text(text, published=date(2022, 5, 10))}


def test_coder_an_attack_reported_by_a_third_party_is_told(code_text) -> None:
    events = code_text("A Russian missile strike on Lviv killed seven people, the UN said.",
                       published=date(2022, 5, 10))
    attack = _one(events, "ASSAULT")
    assert (attack.source.name, attack.target.name) == ("Russia", "Ukraine")


def test_coder_a_demonym_before_a_facility_is_no_attacker(code_text) -> None:
    # "a US army base drone attack": the base is what was attacked
    events = code_text("Secretary Austin condemned a US army base drone attack in Syria.",
                       published=date(2022, 5, 10))
    assert not [e for e in events if e.source is not None
                and e.source.name == "United States"]


@pytest.mark.parametrize("text, source, target", [
    ("Hezbollah vowed to retaliate against Israel.", "Hezbollah", "Israel"),
    ("Hamas pledged to attack Israel.", "Hamas", "Israel"),
])
def test_coder_a_vow_to_strike_back_threatens(code_text, text, source, target) -> None:
    # a vow whose infinitive is a hostile act is a threat, not a promise
    events = code_text(text, published=date(2022, 5, 10))
    threat = _one(events, "THREATEN")
    assert (threat.source.name, threat.target.name) == (source, target)
    assert "AGREE" not in {e.type for e in events}


def test_coder_a_vow_to_help_or_denied_is_no_threat(code_text) -> None:
    day = date(2022, 5, 10)
    assert "THREATEN" not in {e.type for e in code_text("Japan pledged to help Ukraine.", day)}
    assert not [e for e in code_text("Iran did not vow to attack Israel.", day)
                if e.type == "THREATEN" and e.modality == "asserted"]


def test_coder_a_punishment_promised_threatens(code_text) -> None:
    day = date(2022, 5, 10)
    # a lawsuit or a reckoning said of the future warns of it (GUIDELINES 5)
    suit = _one(code_text("Senator Maria Ruiz said she would sue Governor Tom Holt.", day),
                "THREATEN")
    assert (suit.source.name, suit.target.name) == ("Maria Ruiz", "Tom Holt")
    held = _one(code_text("Canada will hold Iran accountable for its actions.", day),
                "THREATEN")
    assert (held.source.name, held.target.name) == ("Canada", "Iran")
    # done, it is the accusation it is; refused or carried on, no threat
    assert "THREATEN" not in {e.type for e in code_text(
        "Senator Maria Ruiz sued Governor Tom Holt.", day)}
    for text in ["Senator Maria Ruiz said she would not sue Governor Tom Holt.",
                 "Canada will continue to hold Iran accountable.",
                 "The ministers discussed efforts to provide aid to Ukraine and hold Russia "
                 "accountable for the war."]:
        assert "THREATEN" not in {e.type for e in code_text(text, day)}, text


def test_coder_a_stressed_need_to_answer_further_aggression_threatens(code_text) -> None:
    day = date(2022, 5, 10)
    for text in ["Secretary Blinken stressed the need to respond to any further Russian "
                 "aggression.",
                 "Secretary Blinken emphasized the importance of responding firmly to any "
                 "further Russian aggression."]:
        threat = _one(code_text(text, day), "THREATEN")
        assert (threat.source.name, threat.target.name) == ("Antony Blinken", "Russia")
    # talked about, denied, or a response to what is done: no warning
    for text in ["Secretary Blinken discussed the need to respond to any further Russian "
                 "aggression.",
                 "Secretary Blinken did not stress the need to retaliate against any Russian "
                 "attack.",
                 "Secretary Blinken emphasized the importance of responding to the crisis in "
                 "Ukraine."]:
        assert "THREATEN" not in {e.type for e in code_text(text, day)}, text


@pytest.mark.parametrize(("text", "source", "target"), [
    # committed (or a commitment) to working with someone, said with a gerund, promises
    # joint work to the partner, as the infinitive does (GUIDELINES 5)
    ("Portugal is committed to closely coordinating with Brazil on energy.", "PRT", "BRA"),
    ("Norway remains committed to working with Denmark.", "NOR", "DNK"),
    ("Chancellor Scholz reaffirmed Germany's commitment to cooperating with Poland.", "DEU",
     "POL"),
])
def test_coder_committed_to_working_with_is_a_promise(code_text, text, source, target) -> None:
    event = _one(code_text(text), "AGREE")
    assert event.modality == "asserted"
    assert _countries(event.actors) == {source, target}


@pytest.mark.parametrize("text", [
    "Portugal may be committed to coordinating with Brazil.",
    "If Norway were committed to working with Denmark, the talks would move faster.",
])
def test_coder_committed_to_working_with_kept_hypothetical(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type == "AGREE" and e.modality == "asserted"]


def test_coder_committed_to_another_gerund_is_no_promise_of_joint_work(code_text) -> None:
    # a commitment to one's own goal names no partner: no promise (only gerunds of working
    # together count)
    events = code_text("Norway remains committed to reducing emissions.")
    assert not [e for e in events if e.type == "AGREE"]


@pytest.mark.parametrize("text", [
    "Portugal struck a deal with Brazil on Monday.",
    "Portugal made an arrangement with Brazil on fishing rights.",
    "Portugal and Brazil signed a contract on Monday.",
])
def test_coder_a_deal_struck_or_made_is_agree(code_text, text) -> None:
    # "struck a deal" is a deal reached, no attack
    events = code_text(text)
    event = _one(events, "AGREE")
    assert event.modality == "asserted"
    assert _countries(event.actors) == {"PRT", "BRA"}
    assert not [e for e in events if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "modality"), [
    ("Portugal did not strike a deal with Brazil.", "negated"),
    ("Portugal hopes to strike a deal with Brazil.", "hypothetical"),
    ("Portugal hoped to reach an agreement with Brazil.", "hypothetical"),
])
def test_coder_a_deal_hoped_for_or_denied_is_not_asserted(code_text, text, modality) -> None:
    assert {e.modality for e in code_text(text) if e.type == "AGREE"} <= {modality}


def test_coder_struck_a_place_stays_an_attack(code_text) -> None:
    event = _one(code_text("Portugal struck Brazil with missiles on Monday."), "ASSAULT")
    assert event.modality == "asserted"


@pytest.mark.parametrize("text", [
    "Foreign Minister Costa reaffirmed Portugal's openness to dialogue with Brazil.",
    "Portugal underscored its continued openness to meeting Brazil without preconditions.",
])
def test_coder_openness_to_talks_is_an_offer(code_text, text) -> None:
    event = _one(code_text(text), "AGREE")
    assert event.modality == "asserted"
    assert _countries(event.actors) == {"PRT", "BRA"}


@pytest.mark.parametrize(("text", "modality"), [
    # openness to something other than talks offers nothing; a denied one is kept denied
    ("Portugal reaffirmed its openness to new ideas from Brazil.", None),
    ("Portugal did not reaffirm its openness to dialogue with Brazil.", "negated"),
])
def test_coder_openness_not_to_talks_or_denied(code_text, text, modality) -> None:
    found = {e.modality for e in code_text(text) if e.type == "AGREE"}
    assert found <= ({modality} if modality else set())


def test_coder_contact_owned_by_a_possessive_the_parser_detached(code_text) -> None:
    # "Biden ’s June 29 meeting": the small model hangs the name on "on" and the ending on
    # the participle; the name owns the meeting, which keeps its own day
    text = ("Building on President Biden’s June 29 meeting with Prime Minister Kishida, the "
            "Secretary and the Minister discussed regional security.")
    meeting = _one(code_text(text, published=date(2022, 7, 8)), "CONSULT")
    assert _countries(meeting.actors) == {"USA", "JPN"}
    assert meeting.date == date(2022, 6, 29)


def test_parse_fix_attaches_a_detached_possessive() -> None:
    from sitrep.events.parse_fixes import fix_parse
    from sitrep.nlp import load_nlp

    doc = load_nlp()("Building on President Biden’s June 29 meeting with Prime Minister "
                     "Kishida, the Secretary and the Minister discussed regional security.")
    fix_parse(doc)
    meeting = next(t for t in doc if t.lower_ == "meeting")
    assert [c.text for c in meeting.children if c.dep_ == "poss"] == ["Biden"]
    assert meeting.head.lower_ == "on"


def test_coder_visit_a_commitment_was_made_on_took_place(code_text) -> None:
    # the visit is the occasion the commitment was made on, not what it promises
    text = ("The ministers reviewed the commitments made during Vice President Harris’ visit "
            "to Guatemala in June.")
    visit = _one(code_text(text, published=date(2022, 7, 8)), "CONSULT")
    assert visit.modality == "asserted" and visit.mode == "visit"
    assert _countries(visit.actors) == {"USA", "GTM"}
    assert (visit.date, visit.date_precision) == (date(2022, 6, 1), "month")
    promised = code_text("They reviewed the commitment made to visit Guatemala.",
                         published=date(2022, 7, 8))
    assert not [e for e in promised if e.type == "CONSULT" and e.modality == "asserted"]


def _white_house(coder, text: str) -> list[Event]:
    return coder.code(Article(url="https://www.whitehouse.gov/briefing-room/z/", origin="t",
                              title="", text=text, published=date(2022, 7, 8), id="a_wh"))


def test_coder_his_in_a_list_of_contacts_is_the_first_ones_owner(coder) -> None:
    # "his" of a later item of one person's list of contacts; one visit per state visited
    events = _white_house(coder, "President Biden will travel to Spain. This trip follows the "
                          "President’s meeting with Pacific Island leaders in Washington, his "
                          "travel to the Republic of Korea and Japan, and the Quad Summit.")
    visits = [e for e in events if e.type == "CONSULT" and e.trigger == "travel"]
    assert sorted(tuple(sorted(_countries(e.actors))) for e in visits) == [
        ("JPN", "USA"), ("KOR", "USA")]
    assert not [e for e in events if e.type == "CONSULT" and "Spain" in
                {r.name for r in e.actors}]


def test_coder_his_after_another_person_named_stays_unread(coder) -> None:
    # "his" may be Scholz's: no owner is guessed for the visit
    events = _white_house(coder, "This trip follows President Biden’s meeting with Chancellor "
                          "Scholz, his visit to Berlin.")
    assert not [e for e in events if e.type == "CONSULT" and e.trigger == "visit"]


@pytest.mark.parametrize(("text", "source", "target"), [
    # a tribute or homage paid praises whom it is paid to
    ("Kenyan President William Ruto paid tribute to Angela Merkel.", "William Ruto",
     "Angela Merkel"),
    # lauding and saluting are praise as praising is
    ("Kenyan President William Ruto lauded Angela Merkel.", "William Ruto", "Angela Merkel"),
    ("Kenyan President William Ruto saluted Angela Merkel for her courage.", "William Ruto",
     "Angela Merkel"),
])
def test_coder_tribute_and_salute_are_praise(code_text, text, source, target) -> None:
    support = _one(code_text(text, published=date(2022, 5, 10)), "SUPPORT")
    assert support.modality == "asserted"
    assert (support.source.name, support.target.name) == (source, target)


@pytest.mark.parametrize("text", [
    "Kenyan President William Ruto did not pay tribute to Angela Merkel.",
    "Kenyan President William Ruto will pay tribute to Angela Merkel on Friday.",
    # a thing paid tribute to or saluted is no actor supported
    "Kenyan President William Ruto paid tribute to the new constitution.",
    "Kenyan President William Ruto saluted the flag.",
])
def test_coder_tribute_not_paid_to_an_actor_now(code_text, text) -> None:
    events = code_text(text, published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "SUPPORT" and e.modality == "asserted"]


@pytest.mark.parametrize(("text", "target"), [
    # the one praised is who does the deed a relative clause names
    ("Foreign Minister Ivo Ban is grateful for the leadership that Kenya is showing.", "Kenya"),
    ("Foreign Minister Ivo Ban praised the assistance that Kenya is providing to refugees.",
     "Kenya"),
])
def test_coder_praise_of_a_deed_told_in_a_relative_clause(code_text, text, target) -> None:
    support = _one(code_text(text, published=date(2022, 5, 10)), "SUPPORT")
    assert support.target is not None and support.target.name == target


@pytest.mark.parametrize("text", [
    # the noun does the clause's act ("that" its subject): Kenya is helped, not praised
    "Foreign Minister Ivo Ban praised the efforts that helped Kenya.",
    # the noun is the object of an infinitive of a joint act, no deed of one side
    "Foreign Minister Ivo Ban praised the work that Kenya and Ghana have been able to do.",
])
def test_coder_relative_clause_not_the_doers_deed(code_text, text) -> None:
    events = code_text(text, published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "SUPPORT" and e.target is not None
                and e.target.name in ("Kenya", "Ghana")]


def test_coder_what_one_stands_for_is_no_deed_of_theirs(code_text) -> None:
    # "everything the United Nations stands for": the UN is not who is attacked
    events = code_text("Foreign Minister Ivo Ban said Russia is attacking everything the "
                       "United Nations stands for.", published=date(2022, 5, 10))
    assert not [e for e in events if e.target is not None
                and e.target.name == "United Nations"]


@pytest.mark.parametrize(("text", "target"), [
    # being with someone, said by the speaker or of the speaker's thoughts, is solidarity
    ('Prime Minister Ivo Ban tweeted: "We are with President Ana Kovac in our thoughts."',
     "Ana Kovac"),
    ('Prime Minister Ivo Ban said: "My thoughts are with President Ana Kovac."', "Ana Kovac"),
    ('Prime Minister Ivo Ban said: "We are with the people of Kenya."', "Kenya"),
])
def test_coder_being_with_someone_is_solidarity(code_text, text, target) -> None:
    support = _one(code_text(text, published=date(2022, 5, 10)), "SUPPORT")
    assert support.modality == "asserted"
    assert (support.source.name, support.target.name) == ("Ivo Ban", target)


@pytest.mark.parametrize("text", [
    # where one was or is, not a side taken
    'Prime Minister Ivo Ban said: "I was with President Ana Kovac when she died."',
    'Prime Minister Ivo Ban said: "We are here with President Ana Kovac."',
    'Prime Minister Ivo Ban said: "We are with President Ana Kovac in Nairobi."',
    # someone else's company
    "Prime Minister Ivo Ban is with President Ana Kovac.",
    # negated, or only promised
    'Prime Minister Ivo Ban said: "We are not with Kenya."',
    'Prime Minister Ivo Ban said: "We will be with Kenya."',
])
def test_coder_being_with_someone_not_solidarity_now(code_text, text) -> None:
    events = code_text(text, published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "SUPPORT" and e.modality == "asserted"]


def test_coder_our_thoughts_in_joint_remarks_are_the_speakers(coder) -> None:
    # the thoughts of the one speaking, not of every principal of the remarks
    events = _remarks(coder, "Remarks by President Biden and President Niinisto of Finland",
                      "PRESIDENT NIINISTO: Our thoughts are with the Ukrainian people.")
    support = _one(events, "SUPPORT")
    assert [a.name for a in support.actors if a.name != "Ukraine"] == ["Sauli Niinistö"]


@pytest.mark.parametrize(("text", "target"), [
    # support stated firm in a clause of statement is the support restated
    ("Secretary Antony Blinken emphasized that our commitment to Kenya is ironclad.", "Kenya"),
    ("Secretary Antony Blinken emphasized that U.S. support for Kenya remains unwavering.",
     "Kenya"),
])
def test_coder_support_stated_firm_is_support(code_text, text, target) -> None:
    support = _one(code_text(text, published=date(2022, 5, 10)), "SUPPORT")
    assert support.modality == "asserted"
    assert (support.source.name, support.target.name) == ("Antony Blinken", target)


@pytest.mark.parametrize("text", [
    # denied firm, or asked about
    "Secretary Antony Blinken emphasized that U.S. support for Kenya is not unconditional.",
    "Secretary Antony Blinken asked whether U.S. support for Kenya remains unwavering.",
    # support for a thing supports no actor
    "Secretary Antony Blinken emphasized that U.S. support for the new law remains unwavering.",
])
def test_coder_support_not_stated_firm(code_text, text) -> None:
    events = code_text(text, published=date(2022, 5, 10))
    assert not [e for e in events if e.type == "SUPPORT" and e.modality == "asserted"]


@pytest.mark.parametrize(("text", "etype"), [
    # a warning denied or only possible is no threat made
    ("The Secretary did not warn that the United States would retaliate against China.",
     "THREATEN"),
    # a response foretold of another is no threat by the one who foretells it
    ("Secretary Blinken warned that Russia would retaliate against Ukraine.", "THREATEN"),
    # a response to questions or requests deters no one
    ("Secretary Blinken stressed the need to respond to any questions from Congress.",
     "THREATEN"),
    # a vow to undo a thing threatens no one
    ("Senator Manchin vowed to kill the deal with Iran.", "THREATEN"),
    # company kept at a place or on a day is no solidarity
    ("Secretary Blinken said: 'We are with Secretary Austin at the Pentagon today.'",
     "SUPPORT"),
    # what the subject of a relative clause undergoes or holds is no deed of its own
    ("President Biden condemned the attacks that Ukraine suffered.", "ACCUSE"),
    ("President Biden thanked the allies that Ukraine relies on.", "SUPPORT"),
    # troops that cross into a state are not that state's
    ("Troops crossed the border and attacked a village in Ukraine, the Ukrainian army said.",
     "ASSAULT"),
])
def test_coder_review_misfires_stay_mended(code_text, text, etype) -> None:
    hits = [e for e in code_text(text, published=date(2022, 5, 10))
            if e.type == etype and e.modality == "asserted"]
    if etype == "ACCUSE":
        hits = [e for e in hits if e.target is not None and e.target.country == "UKR"]
    if etype == "SUPPORT":
        hits = [e for e in hits if e.target is not None and e.target.country in ("UKR", "USA")]
    assert not hits


@pytest.mark.parametrize("text", [
    "The Secretary encouraged the ongoing talks between Serbia and Kosovo.",
    "The Secretary encouraged the talks between Serbia and Kosovo that took place in Brussels "
    "on Monday.",
])
def test_coder_talks_under_way_that_are_encouraged_stay_held(code_text, text) -> None:
    talks = _one(code_text(text, published=date(2022, 5, 10)), "CONSULT")
    assert talks.modality == "asserted"


def test_coder_a_demand_joined_to_what_one_must_understand_is_asked(code_text) -> None:
    request = _one(code_text("President Zelenskyy said Russia must understand the risks and "
                             "must withdraw its troops from Ukraine."), "REQUEST")
    assert request.target is not None and request.target.country == "RUS"


def test_coder_a_party_to_a_deal_is_not_the_one_who_reports_it(code_text) -> None:
    deal = _one(code_text("Secretary Blinken said Russia struck a deal with Iran on drones."),
                "AGREE")
    assert deal.source is not None and deal.source.country == "RUS"


@pytest.mark.parametrize(("text", "etype", "names"), [
    # a conjunct named only by its apposition ("its ally Belarus") is addressed too
    ("Secretary Blinken condemned Russia and its ally Belarus for the attacks.", "ACCUSE",
     {"Antony Blinken", "Russia", "Belarus"}),
    ("California Governor Gavin Newsom sued Acme Corporation and its owner Gerald Foster on "
     "Monday.", "ACCUSE", {"Gavin Newsom", "Acme Corporation", "Gerald Foster"}),
    ("Secretary Blinken thanked Poland and its neighbor Romania for their help.", "SUPPORT",
     {"Antony Blinken", "Poland", "Romania"}),
])
def test_coder_a_conjunct_named_by_its_apposition_takes_part(code_text, text, etype,
                                                              names) -> None:
    event = _one(code_text(text), etype)
    assert {a.name for a in event.actors} == names


@pytest.mark.parametrize("text", [
    # denied or future: the whole list stays unasserted
    "Secretary Blinken did not condemn Russia and its ally Belarus.",
    "Secretary Blinken will condemn Russia and its ally Belarus tomorrow.",
])
def test_coder_a_conjunct_named_by_its_apposition_keeps_modality(code_text, text) -> None:
    assert not [e for e in code_text(text) if e.type == "ACCUSE" and e.modality == "asserted"]


def test_coder_a_deed_beside_the_accused_names_no_one_new(code_text) -> None:
    # "its attacks" is the accused's own deed, not a second party
    accuse = _one(code_text("Secretary Blinken condemned Russia and its attacks on Ukraine."),
                  "ACCUSE")
    assert {a.name for a in accuse.actors} == {"Antony Blinken", "Russia"}


@pytest.mark.parametrize("text", [
    # a contact called off or put off is the passive subject of the verb that does so
    "Chancellor Scholz's visit to Kyiv was cancelled because of the shelling.",
    "Foreign Minister Kuleba's trip to Washington was postponed.",
    "The summit between Chancellor Scholz and President Macron, which had been set for May, "
    "was called off.",
    "The talks between Serbia and Kosovo were put off until the autumn.",
    # what a contact would be is said of one not held
    "President Macron's trip to Kyiv would be too risky, his advisers said.",
    # a phase of the talks asked for asks for the talks
    "Secretary Blinken urged the resumption of talks between Serbia and Kosovo.",
    "Chancellor Scholz called for the start of negotiations between Serbia and Kosovo.",
])
def test_coder_contacts_called_off_or_wished_for_are_not_held(code_text, text) -> None:
    held = [e for e in code_text(text, published=date(2022, 5, 10))
            if e.type == "CONSULT" and e.modality == "asserted"]
    assert not held


@pytest.mark.parametrize("text", [
    # held after all, or held and only named later
    "The visit by Chancellor Scholz to Kyiv, which had been postponed twice, took place on "
    "Tuesday.",
    "Chancellor Scholz's visit to Kyiv went ahead despite the shelling.",
    "President Macron's visit to Algeria, which ended on Tuesday, focused on trade.",
    # a phase of the talks welcomed was reached
    "Secretary Blinken welcomed the resumption of talks between Serbia and Kosovo.",
])
def test_coder_contacts_held_despite_a_delay_stay_held(code_text, text) -> None:
    held = [e for e in code_text(text, published=date(2022, 5, 10))
            if e.type == "CONSULT" and e.modality == "asserted"]
    assert held


def test_coder_a_deed_judged_by_what_it_may_be_stays_done(code_text) -> None:
    # "may be a war crime" judges an attack made; only "would be" speaks of one not made
    attacks = [e for e in code_text("The Russian attack on Kharkiv may be a war crime, "
                                    "Secretary Blinken said.", published=date(2022, 5, 10))
               if e.type == "ASSAULT" and e.modality == "asserted"]
    assert attacks


FACT_SHEET = "FACT SHEET: United States Acts to Support Moldova"
"""A release with no voice of its own: its main clauses' "we" is its government."""


def test_coder_release_we_is_its_government(coder) -> None:
    events = _remarks(coder, FACT_SHEET, "We call on Russia to withdraw its forces from "
                      "Moldova. We strongly support Moldova's sovereignty.")
    request = _one(events, "REQUEST")
    assert (request.source.name, request.target.name) == ("United States", "Russia")
    support = _one(events, "SUPPORT")
    assert (support.source.name, support.target.name) == ("United States", "Moldova")


@pytest.mark.parametrize("text", [
    # denied and hypothetical stay so with the government as source
    "We did not call on Russia to withdraw its forces.",
    "If Russia attacks, we may call on it to withdraw its forces.",
])
def test_coder_release_we_keeps_its_modality(coder, text) -> None:
    assert not [e for e in _remarks(coder, FACT_SHEET, text)
                if e.type == "REQUEST" and e.modality == "asserted"]


def test_coder_release_we_under_a_reporting_verb_is_not_the_government(coder) -> None:
    # "noted that we ...", "as we urge ...": the reported principal's, not the release's;
    # "our allies" acts for no one; a spokesperson's readout has no "we" of its own
    events = _remarks(coder, FACT_SHEET, "The Vice President noted that we will continue to "
                      "work with Moldova. Our allies welcomed the steps.")
    assert all(a.name != "United States" for e in events for a in e.actors)
    readout = _remarks(coder, "Secretary Blinken's Call with Moldovan Foreign Minister Kovac",
                       "The below is attributable to Spokesperson Ned Price:\n\n"
                       "We call on Russia to withdraw its forces from Moldova.", STATE)
    assert not [e for e in readout if e.type == "REQUEST"]


def test_coder_quoted_we_in_news_is_no_government(code_text) -> None:
    # a news article has no voice: its quotations' "we" is not the United States
    events = code_text('The minister said: "We call on Russia to withdraw its forces."')
    assert all(a.name != "United States" for e in events for a in e.actors)


@pytest.mark.parametrize(("text", "url"), [
    # a quotation's "we" is its speaker's, even across its sentences
    ('President Zelenskyy said on Monday: "Ukraine is grateful for the aid. We will never '
     'surrender. We condemn Russia\'s crimes in Bucha."',
     "https://www.whitehouse.gov/briefing-room/statements-releases/2022/05/10/fact-sheet-x/"),
    # a "we" the text defines is the group it names
    ("We, the Leaders of the G7, condemn Russia's unprovoked attack on Ukraine.",
     "https://www.whitehouse.gov/briefing-room/statements-releases/2022/05/10/g7-statement/"),
])
def test_coder_release_we_is_not_a_quoted_or_defined_we(code_text, text, url) -> None:
    events = code_text(text, url=url, published=date(2022, 5, 10))
    assert not [e for e in events if e.source is not None and e.source.name == "United States"]


@pytest.mark.parametrize("text", [
    "Despite the security concerns, President Biden's visit to Warsaw was not cancelled.",
    "The talks between Ukraine and Russia were postponed on Friday but then went ahead in "
    "Istanbul on Monday.",
    "Monday's call between Biden and Xi Jinping would be their second this year, the White "
    "House said.",
])
def test_coder_contacts_not_called_off_stay_held(code_text, text) -> None:
    contacts = [e for e in code_text(text, published=date(2022, 5, 10)) if e.type == "CONSULT"]
    assert contacts and all(e.modality != "negated" for e in contacts)


def test_coder_a_head_noun_refusal_of_no_accusation_answers_no_one(code_text) -> None:
    events = code_text("Ann Lee accused the Committee for Peace of bias. In a separate matter, "
                       "the Committee rejected the budget on Monday.")
    assert not [e for e in events if e.type == "REJECT" and e.target is not None]
