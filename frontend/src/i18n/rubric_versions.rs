//! Texts of issue 15: the rubric version of an edition, "n.v.t." and "weet
//! ik niet" as two answers, the rubric loaded from the server, growth across
//! rubric versions and the public page's version switch.

use super::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum R {
    // The two answers without a level
    NotApplicable,
    NotApplicableHint,
    DontKnow,
    DontKnowHint,
    DontKnowShort,
    DontKnowCount,
    // The edition's rubric version
    VersionLabel,
    VersionHelp,
    VersionInUse,
    Version1,
    Version2,
    VersionOf,
    // Loading the rubric
    RubricLoading,
    RubricFailed,
    // Growth across versions
    GrowthAcrossTitle,
    GrowthAcrossIntro,
    ColIndicator,
    ColBaseline,
    ColFinal,
    ColGrowth,
    Comparable,
    Indicative,
    NotComparable,
    NotComparableHint,
    IndicativeHint,
    // The public page
    VersionSwitch,
    WhatChanged,
    PartialFit,
    TwoAnswers,
    VersionCurrent,
    VersionEarlier,
    // Next steps
    StepsTitle,
    StepsLead,
    StepToAction,
    StepToActionHint,
    PartnerLabel,
}

impl Text for R {
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            R::NotApplicable => ("Niet van toepassing", "Not applicable"),
            R::NotApplicableHint => (
                "Dit kan op onze school niet bestaan (bv. geen derde graad).",
                "This cannot exist at our school (e.g. no third grade).",
            ),
            R::DontKnow => ("Weet ik niet", "Don't know"),
            R::DontKnowHint => (
                "Ik kan niet beoordelen hoe het nu gaat. Ook dat is informatie.",
                "I cannot judge how it goes now. That is information too.",
            ),
            R::DontKnowShort => ("?", "?"),
            R::DontKnowCount => ("Weet ik niet", "Don't know"),
            R::VersionLabel => ("Versie van de rubriek", "Rubric version"),
            R::VersionInUse => (
                "De versie kan nu niet wijzigen: in een meting die nog open is, zijn al antwoorden op de huidige versie gegeven. Sluit die meting eerst.",
                "The version cannot change now: a measurement that is still open already holds answers on the current version. Close that measurement first.",
            ),
            R::VersionHelp => (
                "Elke meting van deze editie opent met deze versie. Ze kan niet meer wijzigen zolang een open meting antwoorden heeft.",
                "Every measurement of this edition opens with this version. It cannot change while an open measurement holds answers.",
            ),
            R::Version1 => ("Versie 1 (editie 2025-2026)", "Version 1 (2025-2026 edition)"),
            R::Version2 => ("Versie 2 (herwerkt, aanbevolen)", "Version 2 (revised, recommended)"),
            R::VersionOf => ("Rubriek versie", "Rubric version"),
            R::RubricLoading => ("De rubriek wordt geladen…", "Loading the rubric…"),
            R::RubricFailed => ("De rubriek kon niet geladen worden.", "The rubric could not be loaded."),
            R::GrowthAcrossTitle => ("Groei over twee versies van de rubriek", "Growth across two rubric versions"),
            R::GrowthAcrossIntro => (
                "De nulmeting gebeurde met versie {from}, de eindmeting met versie {to}. Groei staat er alleen waar beide hetzelfde meten.",
                "The baseline used version {from}, the final measurement version {to}. Growth is shown only where both measure the same thing.",
            ),
            R::ColIndicator => ("Indicator", "Indicator"),
            R::ColBaseline => ("Nulmeting", "Baseline"),
            R::ColFinal => ("Eindmeting", "Final"),
            R::ColGrowth => ("Groei", "Growth"),
            R::Comparable => ("vergelijkbaar", "comparable"),
            R::Indicative => ("indicatief", "indicative"),
            R::NotComparable => ("niet vergelijkbaar", "not comparable"),
            R::NotComparableHint => (
                "Nieuw in deze versie of een ander onderwerp: geen groei.",
                "New in this version or another subject: no growth.",
            ),
            R::IndicativeHint => (
                "Opgesplitst of samengevoegd: beide niveaus staan er, zonder verschil.",
                "Split or merged: both levels are shown, without a difference.",
            ),
            R::VersionSwitch => ("Versie", "Version"),
            R::WhatChanged => ("Wat is er veranderd", "What changed"),
            R::PartialFit => ("Past een niveau maar gedeeltelijk?", "Does a level fit only in part?"),
            R::TwoAnswers => ("Twee antwoorden zonder niveau", "Two answers without a level"),
            R::VersionCurrent => ("huidige versie", "current version"),
            R::VersionEarlier => ("vorige versie", "earlier version"),
            R::StepsTitle => ("Volgende stappen", "Next steps"),
            R::StepsLead => (
                "Voor de indicatoren met de meeste groeikansen, vanaf jullie huidige niveau: wat helpt om een niveau te stijgen, en wie daarbij helpt.",
                "For the indicators with the most room to grow, from your current level: what helps to move up a level, and who helps with it.",
            ),
            R::StepToAction => ("Maak er een actie van", "Make it an action"),
            R::StepToActionHint => ("Opent een actie in je plan, ingevuld met deze stap.", "Opens an action in your plan, filled in with this step."),
            R::PartnerLabel => ("Hulp van", "Help from"),
        }
    }
}

/// The name of a rubric version in the edition form.
pub fn version_name(version: u32) -> R {
    if version == 1 { R::Version1 } else { R::Version2 }
}
