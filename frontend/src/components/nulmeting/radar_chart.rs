//! A radar chart of the seven aspects (scale 1 to 4), drawn with plotters on
//! a canvas. The canvas has as many pixels as the screen shows (its CSS size
//! times `devicePixelRatio`, at least twice for print), so lines and labels
//! stay crisp on high-DPI screens and on paper. Labels grow with the chart
//! (so they stay readable when it prints smaller than it shows) and break
//! at a syllable rather than shrink below 9 px on a phone. A text
//! alternative lists every aspect's values for screen readers (issue 14).

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use std::f64::consts::PI;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// One polygon on the radar.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    pub label: String,
    /// One value per axis, 1 to 4; `None` where there is no score.
    pub values: Vec<Option<f64>>,
    pub color: (u8, u8, u8),
    pub filled: bool,
    pub dashed: bool,
}

#[derive(Properties, PartialEq)]
pub struct RadarChartProps {
    pub axes: Vec<String>,
    pub series: Vec<RadarSeries>,
    /// What the chart shows, for screen readers.
    pub label: AttrValue,
}

/// The highest value on the scale.
const MAX_LEVEL: f64 = 4.0;

/// Split a long label over two lines: at the space nearest its middle, or,
/// for one long word ("Professionalisering"), with a hyphen where a single
/// consonant stands between two vowels (pro-fes-si-o-na-li-se-ring), the
/// Dutch and English syllable break nearest the middle.
fn wrap(label: &str) -> Vec<String> {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= 12 {
        return vec![label.to_string()];
    }
    let middle = chars.len() / 2;
    let nearest = |candidates: Vec<usize>| candidates.into_iter().min_by_key(|i| i.abs_diff(middle));
    let spaces: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == ' ').collect();
    if let Some(i) = nearest(spaces) {
        return vec![chars[..i].iter().collect(), chars[i + 1..].iter().collect()];
    }
    // Dutch "ij" counts as a vowel (onderwijs-methode).
    let vowel = |i: usize| "aeiouyAEIOUY".contains(chars[i]) || (chars[i] == 'j' && i > 0 && chars[i - 1] == 'i');
    let consonant = |i: usize| !vowel(i) && chars[i].is_alphabetic();
    let breaks: Vec<usize> = (3..chars.len().saturating_sub(3))
        .filter(|&i| {
            // vowel-consonant-vowel: before the consonant (pro-fes-si-o-na-li-se-ring);
            // vowel-consonant-consonant-vowel: between the consonants (onderwijs-methode).
            (vowel(i - 1) && consonant(i) && vowel(i + 1)) || (vowel(i - 2) && consonant(i - 1) && consonant(i) && vowel(i + 1))
        })
        .collect();
    match nearest(breaks) {
        Some(i) => vec![chars[..i].iter().collect::<String>() + "-", chars[i..].iter().collect()],
        None => vec![label.to_string()],
    }
}

fn draw(canvas: &HtmlCanvasElement, axes: &[String], series: &[RadarSeries]) -> Option<()> {
    let window = web_sys::window()?;
    let css = f64::from(canvas.client_width()).max(240.0);
    let scale = window.device_pixel_ratio().max(2.0);
    let size = (css * scale).round() as u32;
    canvas.set_width(size);
    canvas.set_height(size);
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let px = |v: f64| v * scale;
    let n = axes.len().max(3);
    let (cx, cy) = (f64::from(size) / 2.0, f64::from(size) / 2.0 + px(4.0));
    // A narrow chart (a phone) gives the labels more of its width.
    let radius = f64::from(size) * if css < 420.0 { 0.25 } else { 0.3 };
    let point = |axis: usize, value: f64| -> (i32, i32) {
        let angle = -PI / 2.0 + 2.0 * PI * axis as f64 / n as f64;
        let r = radius * (value / MAX_LEVEL).clamp(0.0, 1.0);
        ((cx + r * angle.cos()).round() as i32, (cy + r * angle.sin()).round() as i32)
    };
    let grid = RGBColor(205, 213, 219);
    let ink = RGBColor(74, 88, 101);
    let thin = (px(1.0).round() as u32).max(1);
    // Rings at levels 1 to 4 and a spoke per aspect.
    for level in 1..=4 {
        let mut ring: Vec<(i32, i32)> = (0..n).map(|i| point(i, f64::from(level))).collect();
        ring.push(point(0, f64::from(level)));
        root.draw(&PathElement::new(ring, grid.stroke_width(thin))).ok()?;
    }
    for i in 0..n {
        root.draw(&PathElement::new(vec![point(i, 0.0), point(i, MAX_LEVEL)], grid.stroke_width(thin))).ok()?;
    }
    let small = ("sans-serif", px((css * 0.024).max(11.0))).into_font().color(&ink).pos(Pos::new(HPos::Left, VPos::Center));
    for level in 1..=4 {
        let (x, y) = point(0, f64::from(level));
        root.draw(&Text::new(level.to_string(), (x + px(5.0) as i32, y), small.clone())).ok()?;
    }
    // The series: a translucent area, its outline and a dot per score.
    for s in series {
        let color = RGBColor(s.color.0, s.color.1, s.color.2);
        let points: Vec<(i32, i32)> =
            s.values.iter().enumerate().map(|(i, v)| point(i, v.unwrap_or(0.0))).collect();
        if s.filled {
            root.draw(&Polygon::new(points.clone(), color.mix(0.22).filled())).ok()?;
        }
        let mut closed = points.clone();
        if let Some(&first) = points.first() {
            closed.push(first);
        }
        let line = color.stroke_width((px(2.0).round() as u32).max(1));
        if s.dashed {
            root.draw(&DashedPathElement::new(closed, px(6.0) as i32, px(4.0) as i32, line)).ok()?;
        } else {
            root.draw(&PathElement::new(closed, line)).ok()?;
            for (i, v) in s.values.iter().enumerate() {
                if v.is_some() {
                    root.draw(&Circle::new(point(i, v.unwrap_or(0.0)), px(3.0) as i32, color.filled())).ok()?;
                }
            }
        }
    }
    // The aspect names around the outside, made smaller where a name would
    // run off the canvas (a narrow screen, a long word).
    let label_px = px((css * 0.032).max(11.5));
    let margin = px(4.0);
    for (i, name) in axes.iter().enumerate() {
        let angle = -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
        let (dx, dy) = (angle.cos(), angle.sin());
        let h = if dx > 0.25 { HPos::Left } else if dx < -0.25 { HPos::Right } else { HPos::Center };
        let lines = wrap(name);
        let r = radius + px(14.0);
        let (x, y) = (cx + r * dx, cy + r * dy);
        let room = match h {
            HPos::Left => f64::from(size) - x - margin,
            HPos::Right => x - margin,
            HPos::Center => 2.0 * x.min(f64::from(size) - x) - 2.0 * margin,
        };
        let measure = TextStyle::from(("sans-serif", label_px).into_font());
        let widest = lines
            .iter()
            .filter_map(|l| root.estimate_text_size(l, &measure).ok())
            .map(|(w, _)| f64::from(w))
            .fold(0.0, f64::max);
        let font_px = if widest > room && widest > 0.0 { label_px * (room / widest).max(0.8) } else { label_px };
        let height = font_px * 1.2 * lines.len() as f64;
        // Below the chart the text hangs down, above it stands up, beside it is centred.
        let top = if dy > 0.3 { y } else if dy < -0.3 { y - height } else { y - height / 2.0 };
        let style = ("sans-serif", font_px).into_font().color(&RGBColor(29, 39, 49)).pos(Pos::new(h, VPos::Top));
        for (k, line) in lines.iter().enumerate() {
            let ly = top + font_px * 1.2 * k as f64;
            root.draw(&Text::new(line.clone(), (x.round() as i32, ly.round() as i32), style.clone())).ok()?;
        }
    }
    root.present().ok()?;
    Some(())
}

/// The chart in words: per aspect, each series' value ("Leerplan:
/// Nulmeting 3,3, Mediaan van de editie 2,4").
fn description(lang: crate::i18n::Lang, axes: &[String], series: &[RadarSeries]) -> String {
    axes.iter()
        .enumerate()
        .map(|(i, axis)| {
            let values: Vec<String> = series
                .iter()
                .map(|s| {
                    let v = s.values.get(i).copied().flatten();
                    format!("{} {}", s.label, v.map_or_else(|| "–".to_string(), |v| crate::i18n::format::level_score(lang, v)))
                })
                .collect();
            format!("{axis}: {}", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
pub fn RadarChart(props: &RadarChartProps) -> Html {
    let lang = crate::hooks::use_lang();
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        let data = (props.axes.clone(), props.series.clone());
        use_effect_with(data, move |(axes, series)| {
            if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                let drawn = draw(&c, axes, series).is_some();
                let _ = c.set_attribute("data-drawn", if drawn { "true" } else { "false" });
            }
        });
    }
    html! {
        <>
            <canvas ref={canvas} class="radar-canvas" role="img" aria-label={props.label.clone()}
                aria-describedby="radar-description" data-testid="radar"></canvas>
            <p class="visually-hidden" id="radar-description" data-testid="radar-description">
                { description(lang, &props.axes, &props.series) }
            </p>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn short_labels_stay_on_one_line() {
        assert_eq!(wrap("Leerplan"), vec!["Leerplan"]);
    }

    #[test]
    fn two_words_split_at_the_space_nearest_the_middle() {
        assert_eq!(wrap("Samenwerking met bedrijven"), vec!["Samenwerking", "met bedrijven"]);
    }

    #[test]
    fn one_long_word_breaks_at_a_syllable_with_a_hyphen() {
        assert_eq!(wrap("Professionalisering"), vec!["Professio-", "nalisering"]);
        assert_eq!(wrap("Professionalisation"), vec!["Professio-", "nalisation"]);
    }

    #[test]
    fn a_compound_breaks_between_two_consonants() {
        assert_eq!(wrap("Onderwijsmethode"), vec!["Onderwijs-", "methode"]);
    }

    #[test]
    fn a_word_without_a_syllable_break_is_left_whole() {
        assert_eq!(wrap("Strrrrrrrrrrrrngth"), vec!["Strrrrrrrrrrrrngth"]);
    }
}
