//! On the start page of everyone of the edition (schools, companies,
//! jurors, the coordinator): a notice with a link once the award results are
//! published. Shows nothing otherwise (also when the person may not see the
//! results).

use crate::api;
use crate::app::Route;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::jury::J;
use crate::i18n::Text;
use yew::prelude::*;
use crate::router::*;

#[component]
pub fn AwardNotice() -> Html {
    let lang = use_lang();
    let data = use_fetch((), |()| api::jury::publication());
    match &data.state {
        Fetch::Ready(p) if p.published_at.is_some() => html! {
            <p class="notice" data-testid="award-notice">
                { J::AwardNoticeTitle.t(lang) }{ " " }
                <Link to={Route::AwardResults}>{ J::SeePublishedResults.t(lang) }</Link>
            </p>
        },
        _ => html! {},
    }
}
