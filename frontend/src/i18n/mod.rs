//! Every text of the interface, in Dutch and English. Each area of the app
//! has its own message enum; an exhaustive `match` gives each variant both
//! texts, so a missing translation cannot compile. Dutch is the default.

pub mod common;
pub mod dossier;
pub mod evidence;
pub mod evidence_limits;
pub mod format;
pub mod jury;
pub mod jury_results;
pub mod nulmeting;
pub mod plural;
pub mod plans;
pub mod programme;
pub mod regional_plan;
pub mod regions;
pub mod rubric_versions;
pub mod submission;

pub use rubric::Lang;

/// A message key with a Dutch and an English text.
pub trait Text: Copy {
    /// `(dutch, english)`.
    fn texts(self) -> (&'static str, &'static str);

    /// The text in `lang`.
    #[inline(always)]
    fn t(self, lang: Lang) -> &'static str {
        let (nl, en) = self.texts();
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

/// Pick the Dutch or English variant of a formatted text.
pub fn pick<T>(lang: Lang, nl: T, en: T) -> T {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}
