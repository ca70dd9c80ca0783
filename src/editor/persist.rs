//! Sharing and saving, decided without a browser: what to open on start from the page's
//! fragment and the autosaved text, what to keep and offer back, how a file to import is
//! judged, and every message the web app shows about it.
//!
//! The web app (`ui::share`) only reads and writes what this module decides: the fragment,
//! `localStorage`, the clipboard and files. The rules, tested natively here:
//!
//! - A link (`#v1.…`) or `#bench=N` opens ahead of the autosaved scenario, but never in its
//!   place: when the two differ, the autosaved scenario is kept (autosave pauses) and offered
//!   back until the user chooses ([`Shelf::offer`]).
//! - A link that cannot be opened is reported, and the autosaved scenario (or an empty
//!   platform) opens instead.
//! - An autosaved text that does not decode is kept under [`UNREADABLE_KEY`] and reported.
//! - A file to import is refused with every problem listed; the scenario stays as it was.
//! - Storage that is missing or full is reported once, plainly; the app keeps working.

use super::templates::from_fragment;
use crate::format::{
    decode, decode_link_with_view, decode_with_view, encode_link, encode_link_with_view, DecodeError, MAX_FILE_BYTES,
};
use crate::model::Scenario;
use crate::results::ResultsView;
use std::rc::Rc;

/// The `localStorage` key of the autosaved scenario (a plan file without its plan).
pub const AUTOSAVE_KEY: &str = "keel.autosave.v1";
/// Where an autosaved text that could not be read is kept, so that it is never lost.
pub const UNREADABLE_KEY: &str = "keel.autosave.v1.unreadable";
/// Links longer than this may be cut by chat tools; copying one says so.
pub const LONG_LINK_CHARS: usize = 2000;
/// How long the scenario must stay unchanged before it is autosaved and put in the address.
pub const DEBOUNCE_MS: u32 = 300;

/// How a message should look and be announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tone {
    /// Something done (announced politely, goes away by itself).
    Info,
    /// Done, with a caveat the user should read.
    Warning,
    /// Something could not be done; nothing was changed.
    Error,
}

/// A text to offer for download beside a message (an autosave that could not be read).
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// The file name to save it under.
    pub file_name: String,
    /// Its content.
    pub text: Rc<str>,
}

/// A message about sharing or saving.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// How it should look.
    pub tone: Tone,
    /// The message.
    pub text: String,
    /// Every problem, one per line (what was wrong with a file or link).
    pub details: Vec<String>,
    /// A link to show in a read-only field, selected, for the user to copy by hand.
    pub link_field: Option<String>,
    /// A text the user may download.
    pub attachment: Option<Attachment>,
}

impl Message {
    /// A message without details.
    pub fn new(tone: Tone, text: impl Into<String>) -> Message {
        Message { tone, text: text.into(), details: Vec::new(), link_field: None, attachment: None }
    }

    /// The same message with `details`.
    pub fn with_details(mut self, details: Vec<String>) -> Message {
        self.details = details;
        self
    }
}

/// The autosaved scenario, kept while another one is open and offered back.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    /// The kept scenario.
    pub scenario: Rc<Scenario>,
}

impl Offer {
    /// The kept scenario's name as shown ("Untitled platform" when it has none).
    pub fn title(&self) -> &str {
        title_of(&self.scenario)
    }

    /// The restore button's text: `Restore my autosaved scenario “X” (3 stages)`.
    pub fn restore_label(&self) -> String {
        format!("Restore my autosaved scenario “{}” ({})", self.title(), stage_count(self.scenario.stages.len()))
    }

    /// What the notice says while the offer stands.
    pub fn explanation(&self) -> String {
        format!(
            "Your autosaved scenario “{}” ({}) is kept: it is not overwritten until you choose.",
            self.title(),
            stage_count(self.scenario.stages.len())
        )
    }

    /// The text of the button that keeps the opened scenario instead.
    pub fn keep_label(&self) -> String {
        format!("Keep this one (autosave replaces “{}”)", self.title())
    }
}

/// What the app opens on start.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Start {
    /// The scenario to open.
    pub scenario: Scenario,
    /// How its results are shown: as the link or the autosave that gave the scenario kept them.
    pub view: ResultsView,
    /// What to tell the user (a link that could not be opened, an unreadable autosave).
    pub messages: Vec<Message>,
    /// The autosaved scenario, kept and offered back because another one was opened.
    pub offer: Option<Offer>,
    /// An autosaved text that could not be read: to keep under [`UNREADABLE_KEY`].
    pub unreadable: Option<String>,
}

/// What a fragment asks for.
// Made once per page load, so the size of the scenario inline does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival {
    /// Nothing Keel knows (no fragment, or an anchor such as `#top`).
    Nothing,
    /// A scenario to open: from a link, or `#bench=N`.
    Open {
        /// The scenario.
        scenario: Scenario,
        /// How the link shows its results (the default for `#bench=N`).
        view: ResultsView,
        /// What it is, for the undo step and the announcement.
        what: String,
    },
    /// A link or `#bench=` that cannot be opened, with the reason.
    Refused(String),
}

/// Reads a page fragment (with or without the `#`): a share link (`v1.…`; `vN.…` of an unknown
/// version is refused with the reason), `bench=N`, or nothing Keel knows.
pub fn arrival(fragment: &str) -> Arrival {
    let body = fragment.trim().trim_start_matches('#');
    if let Some(bench) = from_fragment(body) {
        return match bench {
            Ok(scenario) => Arrival::Open {
                view: ResultsView::default(),
                what: format!("a synthetic platform of {}", stage_count(scenario.stages.len())),
                scenario,
            },
            Err(message) => Arrival::Refused(message),
        };
    }
    if !looks_like_link(body) {
        return Arrival::Nothing;
    }
    match decode_link_with_view(body) {
        Ok((scenario, _, view)) => Arrival::Open { what: "the scenario from the link".to_string(), scenario, view },
        Err(e) => Arrival::Refused(e.to_string()),
    }
}

/// `v` + digits + `.`: the shape of every link version, known or not.
fn looks_like_link(body: &str) -> bool {
    let Some(rest) = body.strip_prefix('v') else { return false };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with('.')
}

/// What to open on start, from the page's `fragment` and the `autosaved` text (`None` when
/// nothing is saved or storage cannot be read).
pub fn start(fragment: &str, autosaved: Option<&str>) -> Start {
    let mut out = Start::default();
    let saved = match autosaved.filter(|t| !t.trim().is_empty()) {
        None => None,
        Some(text) => match decode_with_view(text) {
            Ok((scenario, _, view)) => Some((scenario, view)),
            Err(e) => {
                let mut message = Message::new(
                    Tone::Error,
                    format!(
                        "Your autosaved scenario could not be read. It is kept in this browser under “{UNREADABLE_KEY}”, and you can download it to repair it by hand."
                    ),
                )
                .with_details(problems(&e));
                message.attachment =
                    Some(Attachment { file_name: "keel-autosave-unreadable.json".to_string(), text: Rc::from(text) });
                out.messages.push(message);
                out.unreadable = Some(text.to_string());
                None
            }
        },
    };
    match arrival(fragment) {
        Arrival::Nothing => (out.scenario, out.view) = saved.unwrap_or_default(),
        // The link's view, even when its scenario is the autosaved one: the link was opened.
        Arrival::Open { scenario, view, .. } => {
            out.view = view;
            match saved {
                Some((saved, _)) if same_as_link(&saved, &scenario) => out.scenario = saved,
                Some((saved, _)) => {
                    out.offer = Some(Offer { scenario: Rc::new(saved) });
                    out.scenario = scenario;
                }
                None => out.scenario = scenario,
            }
        }
        Arrival::Refused(reason) => {
            let instead = match &saved {
                Some((s, _)) => format!("your autosaved scenario “{}”", title_of(s)),
                None => "an empty platform".to_string(),
            };
            out.messages.push(
                Message::new(
                    Tone::Error,
                    format!("The link in the address could not be opened; Keel opened {instead} instead."),
                )
                .with_details(vec![reason]),
            );
            (out.scenario, out.view) = saved.unwrap_or_default();
        }
    }
    out
}

/// What the app starts with: the scenario to open and the shelf holding what to offer and say.
/// `stored` is what the autosave key holds, or why storage could not be read;
/// `keep_unreadable` sets an autosaved text that could not be read aside under
/// [`UNREADABLE_KEY`]. If that fails too, autosave stays paused so as not to overwrite it.
pub fn boot(
    fragment: &str,
    stored: Result<Option<String>, StorageProblem>,
    keep_unreadable: impl FnOnce(&str) -> Result<(), StorageProblem>,
) -> (Scenario, ResultsView, Shelf) {
    let (text, mut problem) = match stored {
        Ok(text) => (text, None),
        Err(p) => (None, Some(p)),
    };
    let start = start(fragment, text.as_deref());
    let mut messages = start.messages;
    let mut shelf = Shelf { offer: start.offer, ..Shelf::default() };
    if let Some(text) = &start.unreadable {
        if let Err(p) = keep_unreadable(text) {
            shelf.guard_unreadable = true;
            messages.push(Message::new(
                Tone::Error,
                "Keel could not set the unreadable autosave aside, so autosave is paused rather than overwrite it: download it from this message to keep it.",
            ));
            problem = problem.or(Some(p));
        }
    }
    if let Some(p) = problem {
        shelf.reported.push(p);
        messages.push(Message::new(Tone::Warning, p.message()));
    }
    let mut messages = messages.into_iter();
    if let Some(mut first) = messages.next() {
        for m in messages {
            first.tone = first.tone.max(m.tone);
            first.text = format!("{} {}", first.text, m.text);
            first.details.extend(m.details);
            first.link_field = first.link_field.or(m.link_field);
            first.attachment = first.attachment.or(m.attachment);
        }
        shelf.show(first);
    }
    (start.scenario, start.view, shelf)
}

/// Whether two scenarios give the same link: equal once positions are rounded as links round
/// them. The address and the autosave are written together, so a reload finds them equal.
pub fn same_as_link(a: &Scenario, b: &Scenario) -> bool {
    a == b || encode_link(a) == encode_link(b)
}

/// What persistence shows and holds beside the editor: the standing offer, the latest message,
/// and which storage problems were already reported. A pure reducer, wrapped in yew by the UI.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shelf {
    /// The autosaved scenario kept while another is open; autosave is paused while it stands.
    pub offer: Option<Offer>,
    /// The latest message, with a number that grows so the view can tell two equal texts apart.
    pub message: Option<(u32, Message)>,
    seq: u32,
    reported: Vec<StorageProblem>,
    /// An unreadable autosave could not be set aside: autosave must not overwrite it.
    guard_unreadable: bool,
}

/// Something that happened to sharing or saving.
#[derive(Debug, Clone, PartialEq)]
pub enum ShelfEvent {
    /// Show a message (replacing the previous one).
    Show(Message),
    /// The user closed message `seq` (or it timed out); a newer one stays.
    Dismiss(u32),
    /// Keep `offer` and offer it back (a link was opened over it); one already standing stays,
    /// since it is the older autosave.
    Keep(Offer),
    /// The user chose: restored the kept scenario, or kept the open one. Autosave resumes.
    Decided,
    /// Storage failed; reported only the first time for each kind of problem.
    StorageFailed(StorageProblem),
}

impl Shelf {
    /// Whether autosave is paused: the autosaved scenario is kept until the user chooses.
    pub fn autosave_paused(&self) -> bool {
        self.offer.is_some() || self.guard_unreadable
    }

    /// The shelf after `event`.
    pub fn apply(&self, event: ShelfEvent) -> Shelf {
        let mut next = self.clone();
        match event {
            ShelfEvent::Show(message) => next.show(message),
            ShelfEvent::Dismiss(seq) => {
                if next.message.as_ref().is_some_and(|(shown, _)| *shown == seq) {
                    next.message = None;
                }
            }
            ShelfEvent::Keep(offer) => {
                if next.offer.is_none() {
                    next.offer = Some(offer);
                }
            }
            ShelfEvent::Decided => next.offer = None,
            ShelfEvent::StorageFailed(problem) => {
                if !next.reported.contains(&problem) {
                    next.reported.push(problem);
                    next.show(Message::new(Tone::Warning, problem.message()));
                }
            }
        }
        next
    }

    fn show(&mut self, message: Message) {
        self.seq += 1;
        self.message = Some((self.seq, message));
    }
}

/// Why the browser's storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageProblem {
    /// There is no storage: disabled, blocked, or a private mode without it.
    Unavailable,
    /// The storage for this site is full.
    Full,
}

impl StorageProblem {
    /// What to tell the user, once.
    pub fn message(self) -> &'static str {
        match self {
            StorageProblem::Unavailable => {
                "Autosave is off: this browser does not let Keel keep data (storage is disabled or blocked, as in some private windows). Your work stays in this tab only; use Export plan file to keep it."
            }
            StorageProblem::Full => {
                "Autosave stopped: this browser's storage for Keel is full. Your latest changes are not saved; use Export plan file to keep them, or free some space for this site."
            }
        }
    }
}

/// The storage problem a failed write reports, from the DOM exception's `name`.
pub fn storage_problem(exception_name: &str) -> StorageProblem {
    match exception_name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageProblem::Full,
        _ => StorageProblem::Unavailable,
    }
}

/// Every problem a decode error names, one per line.
pub fn problems(error: &DecodeError) -> Vec<String> {
    match error {
        DecodeError::Invalid(diagnostics) => diagnostics
            .iter()
            .map(|d| match &d.stage {
                Some(stage) => format!("{} (stage “{stage}”): {}", d.path, d.message),
                None => format!("{}: {}", d.path, d.message),
            })
            .collect(),
        other => vec![other.to_string()],
    }
}

/// Refuses a file to import before it is read, when it is larger than Keel reads.
pub fn check_file_size(file_name: &str, bytes: f64) -> Result<(), Message> {
    if bytes <= MAX_FILE_BYTES as f64 {
        return Ok(());
    }
    let error = DecodeError::TooLarge { bytes: bytes as usize };
    Err(refusal(file_name, &error))
}

/// Reads a file to import: its scenario, or a message listing every problem (the scenario
/// in the editor stays as it was).
pub fn read_import(file_name: &str, text: &str) -> Result<Scenario, Message> {
    decode(text).map(|(scenario, _)| scenario).map_err(|e| refusal(file_name, &e))
}

fn refusal(file_name: &str, error: &DecodeError) -> Message {
    let what = match error {
        DecodeError::Invalid(d) if d.len() == 1 => "it has a problem",
        DecodeError::Invalid(_) => "it has problems",
        DecodeError::TooLarge { .. } => "it is too large",
        DecodeError::Json { .. } => "it is not valid JSON",
        DecodeError::WrongType { .. } => "it is not a Keel plan file",
        DecodeError::TooNew { .. } => "it was made by a newer Keel",
    };
    Message::new(Tone::Error, format!("Could not open “{file_name}”: {what}. Your scenario is unchanged."))
        .with_details(problems(error))
}

/// A file name for `scenario` with `suffix`: its name in lower case, words joined by `-`
/// (`Contoso lake / prod` → `contoso-lake-prod.json`); `untitled-platform` when it has none.
pub fn file_name(scenario: &Scenario, suffix: &str) -> String {
    let mut stem = String::new();
    for c in scenario.name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "untitled-platform" } else { stem };
    format!("{stem}{suffix}")
}

/// The share URL: the page's address without its fragment, then `#` and the link of the
/// scenario and how its results are shown.
pub fn share_url(page: &str, scenario: &Scenario, view: &ResultsView) -> String {
    let base = page.split('#').next().unwrap_or(page);
    format!("{base}#{}", encode_link_with_view(scenario, view))
}

/// What to say once a link of `chars` characters was copied (or put in the field to copy).
pub fn copied_message(chars: usize, by_hand: bool) -> Message {
    let size = format!("{} characters", thousands(chars));
    let long = chars > LONG_LINK_CHARS;
    let text = match (by_hand, long) {
        (false, false) => format!("Link copied ({size}). Anyone who opens it sees this scenario; nothing is sent to a server."),
        (false, true) => format!(
            "Link copied, but it is long ({size}): some chat tools cut links over {}. If it arrives cut, share an exported plan file instead.",
            thousands(LONG_LINK_CHARS)
        ),
        (true, false) => format!("The browser did not let Keel copy. Press Ctrl+C (⌘C on a Mac) to copy the selected link ({size})."),
        (true, true) => format!(
            "The browser did not let Keel copy. Press Ctrl+C (⌘C on a Mac) to copy the selected link. It is long ({size}): some chat tools cut links over {}.",
            thousands(LONG_LINK_CHARS)
        ),
    };
    let tone = if by_hand || long { Tone::Warning } else { Tone::Info };
    Message::new(tone, text)
}

/// What to say once the SLA statement was copied as Markdown, or — where the browser refused —
/// put in a field, selected, for the user to copy by hand.
pub fn statement_copied_message(by_hand: bool) -> Message {
    if by_hand {
        Message::new(
            Tone::Warning,
            "The browser did not let Keel copy. Press Ctrl+C (⌘C on a Mac) to copy the selected SLA statement.",
        )
    } else {
        Message::new(
            Tone::Info,
            "SLA statement copied as Markdown: paste it into an e-mail, a wiki page or a status page for your users.",
        )
    }
}

/// The name shown for a scenario.
fn title_of(scenario: &Scenario) -> &str {
    let name = scenario.name.trim();
    if name.is_empty() {
        "Untitled platform"
    } else {
        name
    }
}

/// `1 stage`, `2 stages`.
fn stage_count(n: usize) -> String {
    crate::text::plural(n as u64, "stage", "stages")
}

/// 2345 → "2,345".
fn thousands(n: usize) -> String {
    crate::text::grouped(n as u64)
}

#[cfg(test)]
mod tests;
