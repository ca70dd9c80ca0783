//! One plot: its title, the SVG drawn by [`crate::plot`] shown as an image (a `data:` URL: no
//! markup is injected into the page, and an image runs nothing), a download button for the
//! .svg, and its text alternative, which is also the image's `alt`.

use crate::plot::Figure;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`PlotFigure`].
#[derive(Properties, PartialEq)]
pub struct PlotFigureProps {
    /// The plot.
    pub figure: Rc<Figure>,
    /// Which plot it is (`data-plot`, for tests and styles).
    pub what: &'static str,
    /// A line to show above the plot.
    #[prop_or_default]
    pub note: Option<String>,
}

/// A plot with its caption.
#[component]
pub fn PlotFigure(props: &PlotFigureProps) -> Html {
    let figure = &props.figure;
    let download = {
        let figure = figure.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = crate::ui::share::download(&figure.file_name, "image/svg+xml", &figure.svg) {
                web_sys::console::error_1(&e.into());
            }
        })
    };
    let src = use_memo(figure.clone(), |f| AttrValue::from(f.data_url()));
    let (width, height) = figure.size;
    let scrolls = props.what == "timeline";
    html! {
        <figure class="plot" data-plot={props.what}>
            <figcaption class="plot-head">
                <h3 class="plot-title">{ figure.title.clone() }</h3>
                <button type="button" class="plot-download" onclick={download}
                    aria-label={format!("Download “{}” as SVG", figure.title)} title={figure.file_name.clone()}>
                    {"⤓ .svg"}
                </button>
            </figcaption>
            if let Some(note) = &props.note {
                <p class="plot-note">{ note.clone() }</p>
            }
            // The timeline scrolls when a platform has many stages (style/results.css): it takes the
            // focus then, so the keyboard can scroll it too.
            <div class="plot-svg" tabindex={scrolls.then_some("0")} role={scrolls.then_some("group")}
                aria-label={scrolls.then(|| format!("{} (scrolls)", figure.title))}>
                <img src={(*src).clone()} alt={figure.summary.clone()} width={width.to_string()} height={height.to_string()} />
            </div>
            <p class="plot-summary" aria-hidden="true">{ figure.summary.clone() }</p>
        </figure>
    }
}
