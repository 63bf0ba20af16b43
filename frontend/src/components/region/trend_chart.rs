//! The portrait's chart, drawn with plotters on a canvas as the report's
//! radar is: pupils per school year, one line per profile and one for the
//! region's total, each continued dashed with its expected development.
//! The canvas has the screen's pixels (CSS size times
//! `devicePixelRatio`); the tables beside it are the text alternative.

use crate::hooks::use_lang;
use crate::i18n::regions::R;
use plotters::element::Text as Label;
use crate::i18n::Text as _;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use rubric::region::portrait::{PortraitSummary, Series};
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrendChartProps {
    pub summary: PortraitSummary,
}

const COLORS: [(u8, u8, u8); 6] = [(0, 94, 140), (179, 92, 0), (46, 125, 50), (142, 36, 170), (198, 40, 40), (84, 110, 122)];

fn draw(canvas: &HtmlCanvasElement, s: &PortraitSummary) -> Option<()> {
    let window = web_sys::window()?;
    let css_w = f64::from(canvas.client_width()).max(280.0);
    let css_h = (css_w * 0.55).clamp(200.0, 420.0);
    let scale = window.device_pixel_ratio().max(1.0);
    let (w, h) = ((css_w * scale).round() as u32, (css_h * scale).round() as u32);
    canvas.set_width(w);
    canvas.set_height(h);
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    root.fill(&WHITE).ok()?;
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
    let font = ("sans-serif", px(11.0)).into_font().color(&ink);
    for k in 0..=4u32 {
        let v = max * k / 4;
        root.draw(&PathElement::new(vec![(left as i32, y(v)), (right as i32, y(v))], grid.stroke_width(thin))).ok()?;
        root.draw(&Label::new(v.to_string(), (left as i32 - px(6.0) as i32, y(v)), font.clone().pos(Pos::new(HPos::Right, VPos::Center)))).ok()?;
    }
    for year in first_year..=last_year {
        root.draw(&Label::new(format!("{}", year % 100), (x(year), bottom as i32 + px(6.0) as i32), font.clone().pos(Pos::new(HPos::Center, VPos::Top)))).ok()?;
    }
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
    Some(())
}

#[component]
pub fn TrendChart(props: &TrendChartProps) -> Html {
    let lang = use_lang();
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.summary.clone(), move |summary| {
            if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                let clock = web_sys::window().and_then(|w| w.performance());
                let start = clock.as_ref().map(|p| p.now());
                let drawn = draw(&c, summary).is_some();
                // How long the drawing took, for `cargo xtask bench`.
                if let (Some(p), Some(start)) = (clock, start) {
                    let _ = c.set_attribute("data-draw-ms", &format!("{:.1}", p.now() - start));
                }
                let _ = c.set_attribute("data-drawn", if drawn { "true" } else { "false" });
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
