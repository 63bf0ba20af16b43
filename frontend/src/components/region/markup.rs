//! The region pages' repeated table markup, built by one function each
//! (not inlined), so the many cells and column headers of the portrait,
//! the import preview and the region page share their code instead of each
//! carrying its own copy in the app's bytes.

use yew::prelude::*;

/// A table cell with its column's name (the label of a row's card on a
/// phone, `cards-on-phone`).
#[inline(never)]
pub fn cell(label: &'static str, content: Html) -> Html {
    html! { <td data-label={label}>{ content }</td> }
}

/// A column header.
#[inline(never)]
pub fn col(text: &'static str) -> Html {
    html! { <th scope="col">{ text }</th> }
}
