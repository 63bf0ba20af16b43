//! Texts of the coordinator's evidence-file limits on the edition page
//! (issue 16): the largest file and each school's space, with the
//! problems at each field.

use super::Text;
use rubric::evidence::LimitsError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum L {
    Title,
    Lead,
    MaxFile,
    Quota,
    Save,
    Saved,
    NotANumber,
    MaxFileRange,
    QuotaRange,
    QuotaBelowFile,
}

impl Text for L {
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            L::Title => ("Bewijsstukken", "Evidence files"),
            L::Lead => (
                "Hoe groot één bestand mag zijn, en hoeveel ruimte elke school samen heeft voor haar bewijsstukken in deze editie.",
                "How large one file may be, and how much space each school has in all for its evidence files in this edition.",
            ),
            L::MaxFile => ("Grootste bestand (MB)", "Largest file (MB)"),
            L::Quota => ("Ruimte per school (MB)", "Space per school (MB)"),
            L::Save => ("Grenzen bewaren", "Save limits"),
            L::Saved => ("De grenzen zijn bewaard.", "The limits are saved."),
            L::NotANumber => ("Vul een geheel aantal MB in.", "Enter a whole number of MB."),
            L::MaxFileRange => ("Kies tussen 1 en 50 MB.", "Choose between 1 and 50 MB."),
            L::QuotaRange => ("Kies tussen 10 en 5000 MB.", "Choose between 10 and 5000 MB."),
            L::QuotaBelowFile => (
                "De ruimte per school moet minstens zo groot zijn als het grootste bestand.",
                "The space per school must be at least the size of the largest file.",
            ),
        }
    }
}

/// The words for a problem with the limits.
pub fn limits_error(e: LimitsError) -> L {
    match e {
        LimitsError::MaxFile => L::MaxFileRange,
        LimitsError::Quota => L::QuotaRange,
        LimitsError::QuotaBelowFile => L::QuotaBelowFile,
    }
}
