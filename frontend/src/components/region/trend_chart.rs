//! The portrait's chart, drawn with plotters on a canvas as the report's
//! radar is: pupils per school year, one line per profile and one for the
//! region's total, each continued dashed with its expected development.
//! The canvas has the screen's pixels (CSS size times
//! `devicePixelRatio`); the tables beside it are the text alternative.
//! It is drawn when a `ResizeObserver` reports its width (after the
//! browser's own layout, so drawing never forces one) and again when the
//! data or the width changes.

use crate::hooks::use_lang;
use crate::i18n::regions::R;
use plotters::element::Text as Label;
use crate::i18n::Text as _;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use rubric::region::portrait::{PortraitSummary, Series};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrendChartProps {
    pub summary: PortraitSummary,
}

const COLORS: [(u8, u8, u8); 6] = [(0, 94, 140), (179, 92, 0), (46, 125, 50), (142, 36, 170), (198, 40, 40), (84, 110, 122)];

/// Where the drawing's time goes, for `cargo xtask bench`: milliseconds
/// per part, in order.
struct Laps {
    clock: Option<web_sys::Performance>,
    start: f64,
    last: f64,
    parts: Vec<(&'static str, f64)>,
}

impl Laps {
    fn start() -> Laps {
        let clock = web_sys::window().and_then(|w| w.performance());
        let last = clock.as_ref().map(|p| p.now()).unwrap_or_default();
        Laps { clock, start: last, last, parts: Vec::new() }
    }

    fn lap(&mut self, part: &'static str) {
        if let Some(p) = &self.clock {
            let now = p.now();
            self.parts.push((part, now - self.last));
            self.last = now;
        }
    }
}

/// The labels' font: the page's own (`style/main.css`), whose faces the
/// page's text has already loaded.
const FONT: &str = r#""Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif"#;

/// Draw the chart `css_w` CSS pixels wide (the width the layout gave it).
fn draw(canvas: &HtmlCanvasElement, s: &PortraitSummary, css_w: f64, laps: &mut Laps) -> Option<()> {
    let window = web_sys::window()?;
    let css_w = css_w.max(280.0);
    let css_h = (css_w * 0.55).clamp(200.0, 420.0);
    let scale = window.device_pixel_ratio().max(1.0);
    let (w, h) = ((css_w * scale).round() as u32, (css_h * scale).round() as u32);
    canvas.set_width(w);
    canvas.set_height(h);
    laps.lap("resize");
    // No white fill: the canvas's background is the page's paper (CSS).
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    laps.lap("context");
    let px = |v: f64| v * scale;
    let total = s.total.as_ref()?;
    let last_year = total.projection.last().map(|(y, _)| *y).or(s.years.last().copied())?;
    let first_year = *s.years.first()?;
    let span = f64::from(last_year.saturating_sub(first_year).max(1));
    let max = s.tracks.iter().chain([total]).flat_map(|t| t.counts.iter().flatten().copied().chain(t.projection.iter().map(|(_, v)| *v))).max().unwrap_or(1).max(1);
    let (left, right, top, bottom) = (px(48.0), f64::from(w) - px(16.0), px(12.0), f64::from(h) - px(30.0));
    let x = |year: u16| (left + (right - left) * f64::from(year - first_year) / span).round() as i32;
    let y = |v: u32| (bottom - (bottom - top) * f64::from(v) / f64::from(max)).round() as i32;
    let grid = RGBColor(205, 213, 219);
    let ink = RGBColor(74, 88, 101);
    let thin = (px(1.0).round() as u32).max(1);
    let font = (FONT, px(11.0)).into_font().color(&ink);
    for k in 0..=4u32 {
        let v = max * k / 4;
        root.draw(&PathElement::new(vec![(left as i32, y(v)), (right as i32, y(v))], grid.stroke_width(thin))).ok()?;
    }
    laps.lap("grid");
    let first_label = Label::new(max.to_string(), (left as i32 - px(6.0) as i32, y(max)), font.clone().pos(Pos::new(HPos::Right, VPos::Center)));
    root.draw(&first_label).ok()?;
    laps.lap("first label");
    for k in 0..4u32 {
        let v = max * k / 4;
        root.draw(&Label::new(v.to_string(), (left as i32 - px(6.0) as i32, y(v)), font.clone().pos(Pos::new(HPos::Right, VPos::Center)))).ok()?;
    }
    for year in first_year..=last_year {
        root.draw(&Label::new(format!("{}", year % 100), (x(year), bottom as i32 + px(6.0) as i32), font.clone().pos(Pos::new(HPos::Center, VPos::Top)))).ok()?;
    }
    laps.lap("labels");
    let line = |series: &Series, color: RGBColor, width: f64| -> Option<()> {
        let known: Vec<(i32, i32)> = s.years.iter().zip(&series.counts).filter_map(|(yr, c)| c.map(|c| (x(*yr), y(c)))).collect();
        let stroke = color.stroke_width((px(width).round() as u32).max(1));
        root.draw(&PathElement::new(known.clone(), stroke)).ok()?;
        for p in &known {
            root.draw(&Circle::new(*p, px(2.5) as i32, color.filled())).ok()?;
        }
        if let (Some(&start), false) = (known.last(), series.projection.is_empty()) {
            let mut ahead = vec![start];
            ahead.extend(series.projection.iter().map(|(yr, v)| (x(*yr), y(*v))));
            root.draw(&DashedPathElement::new(ahead, px(6.0) as i32, px(4.0) as i32, stroke)).ok()?;
        }
        Some(())
    };
    for (i, t) in s.tracks.iter().enumerate() {
        let c = COLORS[i % COLORS.len()];
        line(t, RGBColor(c.0, c.1, c.2), 2.0)?;
    }
    line(total, RGBColor(29, 39, 49), 3.0)?;
    root.present().ok()?;
    laps.lap("lines");
    Some(())
}

/// Milliseconds with one decimal, without the float formatter's bytes.
fn tenths(ms: f64) -> String {
    let t = (ms.max(0.0) * 10.0).round() as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// Draw `summary` on `canvas` at `width` CSS pixels and note how long it
/// took, whole and per part, for `cargo xtask bench`.
fn draw_timed(canvas: &HtmlCanvasElement, summary: &PortraitSummary, width: f64) {
    let mut laps = Laps::start();
    let drawn = draw(canvas, summary, width, &mut laps).is_some();
    laps.lap("done");
    let parts: Vec<String> = laps.parts.iter().map(|(part, ms)| format!("{part} {}", tenths(*ms))).collect();
    let _ = canvas.set_attribute("data-draw-ms", &tenths(laps.last - laps.start));
    let _ = canvas.set_attribute("data-draw-parts", &parts.join(", "));
    let _ = canvas.set_attribute("data-drawn", if drawn { "true" } else { "false" });
}

/// What the resize observer and the data effect share: the data to draw
/// and the width it was last drawn at (0 before the first report).
#[derive(Default)]
struct Drawn {
    summary: Option<PortraitSummary>,
    width: f64,
}

#[component]
pub fn TrendChart(props: &TrendChartProps) -> Html {
    let lang = use_lang();
    let canvas = use_node_ref();
    let drawn = use_mut_ref(Drawn::default);
    {
        // New data: drawn at once at the known width; before the first
        // width report, the observer draws it.
        let (canvas, drawn) = (canvas.clone(), drawn.clone());
        use_effect_with(props.summary.clone(), move |summary| {
            let mut d = drawn.borrow_mut();
            d.summary = Some(summary.clone());
            if let (Some(c), true) = (canvas.cast::<HtmlCanvasElement>(), d.width > 0.0) {
                draw_timed(&c, summary, d.width);
            }
        });
    }
    {
        // The width, from the layout the browser does anyway: the first
        // report draws; a new width redraws (a new height does not).
        let (canvas, drawn) = (canvas.clone(), drawn.clone());
        use_effect_with(props.summary.years.is_empty(), move |_| {
            let target = canvas.cast::<HtmlCanvasElement>();
            let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let Some(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>().ok() else { return };
                let width = entry.content_rect().width().round();
                let Some(c) = canvas.cast::<HtmlCanvasElement>() else { return };
                let mut d = drawn.borrow_mut();
                if width > 0.0 && width != d.width {
                    d.width = width;
                    if let Some(summary) = &d.summary {
                        draw_timed(&c, summary, width);
                    }
                }
            });
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(c)) = (&observer, &target) {
                o.observe(c);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    if props.summary.years.is_empty() {
        return html! {};
    }
    let legend = props.summary.tracks.iter().enumerate().map(|(i, t)| {
        let (r, g, b) = COLORS[i % COLORS.len()];
        html! { <li><span class="swatch" style={format!("background: rgb({r},{g},{b})")} aria-hidden="true"></span>{ t.label.clone() }</li> }
    });
    html! {
        <figure class="trend-chart">
            <canvas ref={canvas} class="trend-canvas" role="img" aria-label={R::ChartLabel.t(lang)} data-testid="trend-chart"></canvas>
            <figcaption>
                <ul class="legend">
                    { for legend }
                    <li><span class="swatch total" aria-hidden="true"></span>{ R::Total.t(lang) }</li>
                </ul>
                <p class="small muted">{ R::ExpectedNote.t(lang) }</p>
            </figcaption>
        </figure>
    }
}
