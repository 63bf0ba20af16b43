//! A radar chart of the seven aspects (scale 1 to 4) on a canvas.

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

#[component]
pub fn RadarChart(props: &RadarChartProps) -> Html {
    html! { <canvas class="radar-canvas" role="img" aria-label={props.label.clone()} data-testid="radar"></canvas> }
}
