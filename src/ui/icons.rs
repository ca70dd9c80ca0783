//! The look of each stage kind: a line icon (24×24, drawn with `currentColor`) and the colour
//! of its palette group, shared by the palette and the cards (which draw the icon as a CSS mask
//! from style/main.css, to keep each card small).

use crate::model::{PaletteGroup, StageKind};
use yew::prelude::*;

/// The colour of a palette group: the card's edge and icon.
pub fn group_colour(group: PaletteGroup) -> &'static str {
    match group {
        PaletteGroup::Sources => "#6f4a9e",
        PaletteGroup::Ingest => "#16707f",
        PaletteGroup::Store => "#2766a6",
        PaletteGroup::PrepAndTrain => "#9a5513",
        PaletteGroup::Model => "#3b7536",
        PaletteGroup::Serve => "#a8325a",
        PaletteGroup::Archive => "#56616d",
    }
}

/// The SVG path of a kind's icon. Cards draw the same icons from style/main.css (a test keeps
/// the two in step).
pub fn icon_path(kind: StageKind) -> &'static str {
    match kind {
        StageKind::SystemOfRecord => {
            "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3"
        }
        StageKind::Ingest => "M12 3v12M7 10l5 5 5-5M4 17v3h16v-3",
        StageKind::Raw => "M6 3h8l4 4v14H6zM14 3v4h4",
        StageKind::Enriched => "M6 3h8l4 4v14H6zM14 3v4h4M12 11v6M9 14h6",
        StageKind::Curated => "M6 3h8l4 4v14H6zM14 3v4h4M9 14l2 2 4-4",
        StageKind::Presentation => "M3 5h18v14H3zM3 10h18M9 5v14",
        StageKind::Scripts => "M8 7l-5 5 5 5M16 7l5 5-5 5M14 4l-4 16",
        StageKind::ModeledData => "M9 3h6M10 3v6l-5 9a2 2 0 0 0 2 3h10a2 2 0 0 0 2-3l-5-9V3",
        StageKind::InfraConfig => "M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1M15 4v4M9 10v4M17 16v4",
        StageKind::Model => "M12 2l9 5v10l-9 5-9-5V7zM3 7l9 5 9-5M12 12v10",
        StageKind::Cache => "M13 2L4 14h7l-1 8 9-12h-7z",
        StageKind::Report => "M4 20V10M10 20V4M16 20v-7M2 20h20",
        StageKind::Archive => "M3 4h18v4H3zM5 8v12h14V8M10 12h4",
    }
}

/// The icon of `kind`, decorative (the kind is always named in text next to it).
pub fn kind_icon(kind: StageKind) -> Html {
    html! {
        <svg class="kind-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d={icon_path(kind)} />
        </svg>
    }
}

/// The CSS rule that gives cards of `kind` their icon, as style/main.css must hold it: an image
/// in the group's colour (a plain image paints far faster than a mask on hundreds of cards).
/// Compact cards match no icon rule at all: a `::before` that matches a `background-image`
/// resolves the image for every card even when its `content` is `none` (≈ 30 ms of style for
/// 200 cards on start, measured).
pub fn icon_css_rule(kind: StageKind) -> String {
    let svg = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='{}' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='{}'/></svg>",
        group_colour(kind.group()),
        icon_path(kind)
    );
    let svg = svg.replace('<', "%3C").replace('>', "%3E").replace('#', "%23");
    format!(
        ".stage-card:not(.compact)[data-kind=\"{}\"] .card-label::before {{ background-image: url(\"data:image/svg+xml,{svg}\"); }}",
        kind.key()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cards' icons live in the style sheet; they must be the palette's.
    #[test]
    fn the_style_sheet_draws_every_kind_s_icon() {
        let css = include_str!("../../style/main.css");
        for kind in StageKind::ALL {
            let rule = icon_css_rule(kind);
            assert!(
                css.contains(&rule),
                "style/main.css lacks or has an old icon rule for {}; it should read:\n{rule}",
                kind.key()
            );
        }
    }
}
