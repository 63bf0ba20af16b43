//! The regional plan's budget as a CSV for the subsidy application: one
//! line per action (goal, action, owner, budget, each company's
//! contribution in money and in kind, all companies together), a totals
//! line, then the cofinancing share against the threshold.
//!
//! Decided for Dutch Excel, which opens it by double-click: columns
//! separated by `;`, a UTF-8 byte order mark first (so `é` and `€` read
//! right), `\r\n` line ends, amounts as plain euro with a decimal comma and
//! no thousands separator (`1234,50`, read as a number). Headers and labels
//! are Dutch, as the application is. Text cells are guarded against CSV
//! injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading `'`, so a spreadsheet never reads it as a formula.

use super::{regional_cofinancing, RegionDirectory, RegionalPlan};
use crate::plan::CofinancingShare;

/// The UTF-8 byte order mark the file starts with.
pub const CSV_BOM: &str = "\u{feff}";

/// One text cell: guarded against formulas, quoted when it holds a `;`, a
/// quote or a line break.
pub fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if guarded.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Cents as `1234,50` (never negative here: validation refuses that).
fn amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{},{:02}", abs / 100, abs % 100)
}

/// Tenths of a percent as `9,9 %`.
fn percent(tenths: i64) -> String {
    format!("{},{} %", tenths / 10, tenths % 10)
}

/// The whole file, BOM first.
pub fn budget_csv(plan: &RegionalPlan, region: &RegionDirectory, threshold_percent: u32) -> String {
    let cofinancing = regional_cofinancing(plan, threshold_percent);
    let companies: Vec<i64> = cofinancing.per_company.iter().map(|c| c.company_id).collect();
    let company_name = |id: i64| region.companies.get(&id).cloned().unwrap_or_else(|| format!("Bedrijf {id}"));
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut header: Vec<String> = ["Doel", "Leerroute", "Actie", "Eigenaar", "Begroting (EUR)"].iter().map(|h| h.to_string()).collect();
    for &id in &companies {
        let name = company_name(id);
        header.push(csv_cell(&format!("{name}: geld (EUR)")));
        header.push(csv_cell(&format!("{name}: in natura (EUR)")));
    }
    header.push("Bijdragen bedrijven (EUR)".into());
    lines.push(header);
    let school = |id: i64| region.schools.get(&id).cloned().unwrap_or_else(|| format!("School {id}"));
    for goal in plan.goals_in_order() {
        let route = goal.route.map(|r| format!("{} -> {}", school(r.sending_school_id), school(r.receiving_school_id))).unwrap_or_default();
        for action in plan.actions_of(goal.id) {
            let owner = region.name(action.owner).map(str::to_string).unwrap_or_else(|| format!("{} {}", action.owner.kind_key(), action.owner.id()));
            let mut line = vec![csv_cell(&goal.title), csv_cell(&route), csv_cell(&action.description), csv_cell(&owner), amount(action.budget_cents)];
            for &id in &companies {
                let c = action.contributions.iter().find(|c| c.company_id == id);
                line.push(amount(c.map_or(0, |c| c.money_cents)));
                line.push(amount(c.map_or(0, |c| c.in_kind_cents)));
            }
            line.push(amount(action.contribution_cents()));
            lines.push(line);
        }
    }
    let mut totals = vec!["Totaal".to_string(), String::new(), String::new(), String::new(), amount(cofinancing.total.budget_cents)];
    for c in &cofinancing.per_company {
        totals.push(amount(c.money_cents));
        totals.push(amount(c.in_kind_cents));
    }
    totals.push(amount(cofinancing.total.contribution_cents));
    lines.push(totals);
    lines.push(Vec::new());
    let (share, met) = match cofinancing.total.share {
        CofinancingShare::NotComputable => ("geen begroting".to_string(), "nee"),
        CofinancingShare::Computed { share_tenths_percent, met } => (percent(share_tenths_percent), if met { "ja" } else { "nee" }),
    };
    lines.push(vec!["Cofinanciering bedrijfsleven".into(), share]);
    lines.push(vec!["Drempel".into(), format!("{threshold_percent} %")]);
    lines.push(vec!["Drempel gehaald".into(), met.into()]);
    for c in &cofinancing.per_company {
        let share = c.share_tenths_percent.map(percent).unwrap_or_default();
        lines.push(vec![csv_cell(&format!("Aandeel {}", company_name(c.company_id))), share]);
    }
    let mut out = String::from(CSV_BOM);
    for line in lines {
        out.push_str(&line.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{LearningRoute, Organisation};
    use super::*;

    #[test]
    fn cells_are_guarded_and_quoted() {
        assert_eq!(csv_cell("Lasles"), "Lasles");
        assert_eq!(csv_cell(r#"=HYPERLINK("x")"#), r#""'=HYPERLINK(""x"")""#);
        assert_eq!(csv_cell("+31 6"), "'+31 6");
        assert_eq!(csv_cell("-5"), "'-5");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("twee\nregels"), "\"twee\nregels\"");
        assert_eq!(csv_cell("a = b"), "a = b");
    }

    #[test]
    fn the_budget_has_a_line_per_action_and_the_cofinancing() {
        let mut g1 = goal(1, "Leerroute metaal");
        g1.route = Some(LearningRoute { sending_school_id: 1, receiving_school_id: 2 });
        let mut a2 = action(2, 1, 400_000, &[(11, 0, 40_000)]);
        a2.owner = Organisation::Partner(20);
        a2.description = "Praktijkdag; met lunch".into();
        let plan = RegionalPlan { region_id: 1, goals: vec![g1, goal(2, "Leeg doel")], actions: vec![action(1, 1, 600_000, &[(10, 60_000, 0)]), a2] };
        let csv = budget_csv(&plan, &directory(), 10);
        assert!(csv.starts_with(CSV_BOM));
        let lines: Vec<&str> = csv.trim_start_matches(CSV_BOM).split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Doel;Leerroute;Actie;Eigenaar;Begroting (EUR);Metaal BV: geld (EUR);Metaal BV: in natura (EUR);'=Installatie & Co: geld (EUR);'=Installatie & Co: in natura (EUR);Bijdragen bedrijven (EUR)"
        );
        assert_eq!(lines[1], "Leerroute metaal;Vmbo De Brug -> Techniek College;Action 1;Vmbo De Brug;6000,00;600,00;0,00;0,00;0,00;600,00");
        assert_eq!(lines[2], "Leerroute metaal;Vmbo De Brug -> Techniek College;\"Praktijkdag; met lunch\";RTC Oost;4000,00;0,00;0,00;0,00;400,00;400,00");
        assert_eq!(lines[3], "Totaal;;;;10000,00;600,00;0,00;0,00;400,00;1000,00");
        assert_eq!(lines[4], "");
        assert_eq!(lines[5], "Cofinanciering bedrijfsleven;10,0 %");
        assert_eq!(lines[6], "Drempel;10 %");
        assert_eq!(lines[7], "Drempel gehaald;ja");
        assert_eq!(lines[8], "Aandeel Metaal BV;6,0 %");
        // Not at the start of the cell: no formula, no guard.
        assert_eq!(lines[9], "Aandeel =Installatie & Co;4,0 %");
        assert_eq!(lines[10], "");
        assert_eq!(lines.len(), 11);
    }

    #[test]
    fn an_empty_plan_says_there_is_no_budget() {
        let csv = budget_csv(&RegionalPlan::default(), &directory(), 10);
        assert!(csv.contains("Totaal;;;;0,00;0,00\r\n"), "{csv}");
        assert!(csv.contains("Cofinanciering bedrijfsleven;geen begroting\r\n"));
        assert!(csv.contains("Drempel gehaald;nee\r\n"));
    }
}
