//! Risk levels of a contact, explained, from rules that are configuration:
//! a JSON file (`RiskRules::from_json`) or the built-in default
//! (`risk_rules.json` beside this module).
//!
//! Levels, most severe first: `critical`, `high`, `medium`, `low`, `none`.
//! Rules are tried in order; the first rule that a hit meets gives the level
//! and the reason, naming the hit. No hit meeting any rule gives `none`.

use serde::{Deserialize, Serialize};

/// The levels, most severe first.
pub const LEVELS: [&str; 5] = ["critical", "high", "medium", "low", "none"];

/// One rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The level it gives: `critical`, `high`, `medium` or `low`.
    pub level: String,
    /// Risk labels of hits it applies to (`sanctioned`, `sanction-linked`, `PEP`, `crime`, `other`).
    pub hit_risk: Vec<String>,
    /// If given, it applies only when the entity or the contact has one of these ISO codes.
    #[serde(default)]
    pub countries: Vec<String>,
    /// If given, only hits scoring at least this.
    #[serde(default)]
    pub min_score: Option<f64>,
    /// The explanation.
    pub reason: String,
}

/// A rule set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskRules {
    /// Free text.
    #[serde(default)]
    pub comment: String,
    /// The rules, in order.
    pub rules: Vec<Rule>,
}

/// What the rules need of one hit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HitFacts {
    /// Entity id.
    pub id: String,
    /// Display name.
    pub caption: String,
    /// Risk label.
    pub risk: String,
    /// The entity's countries (lower-case ISO codes).
    pub countries: Vec<String>,
    /// Score.
    pub score: f64,
}

/// A level and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// `critical`, `high`, `medium`, `low` or `none`.
    pub level: String,
    /// Why, naming the hit.
    pub reason: String,
}

impl Default for RiskRules {
    fn default() -> RiskRules {
        RiskRules::from_json(include_str!("risk_rules.json")).expect("the built-in risk rules are valid")
    }
}

impl RiskRules {
    /// Reads and checks a rule set.
    pub fn from_json(text: &str) -> Result<RiskRules, String> {
        let rules: RiskRules = serde_json::from_str(text).map_err(|e| format!("risk rules: {e}"))?;
        for (i, r) in rules.rules.iter().enumerate() {
            if !LEVELS[..4].contains(&r.level.as_str()) {
                return Err(format!("risk rule {}: level `{}` is not critical, high, medium or low", i + 1, r.level));
            }
        }
        Ok(rules)
    }

    /// The level of a contact whose counterpart has these (active, not dismissed) hits.
    pub fn assess(&self, hits: &[HitFacts], contact_country: Option<&str>) -> Assessment {
        for rule in &self.rules {
            let meets = |h: &&HitFacts| {
                rule.hit_risk.iter().any(|r| r == &h.risk)
                    && rule.min_score.is_none_or(|m| h.score >= m)
                    && (rule.countries.is_empty()
                        || rule.countries.iter().any(|c| {
                            h.countries.iter().any(|x| x.eq_ignore_ascii_case(c))
                                || contact_country.is_some_and(|x| x.eq_ignore_ascii_case(c))
                        }))
            };
            if let Some(h) = hits.iter().find(meets) {
                return Assessment {
                    level: rule.level.clone(),
                    reason: format!("{}: {} ({}, {})", rule.reason, h.caption, h.id, h.risk),
                };
            }
        }
        Assessment { level: "none".into(), reason: "no listed entity matches the counterpart".into() }
    }
}

#[cfg(test)]
mod tests {
    //! 1. The default rules give each documented level.
    //! 2. A bad level is refused with the rule's number.
    use super::*;

    fn check(risk: &str, countries: &[&str], contact_country: Option<&str>, expect: &str) {
        let hit = HitFacts {
            id: "x-1".into(),
            caption: "X".into(),
            risk: risk.into(),
            countries: countries.iter().map(|c| c.to_string()).collect(),
            score: 0.9,
        };
        assert_eq!(RiskRules::default().assess(&[hit], contact_country).level, expect);
    }

    #[test]
    fn default_levels() {
        check("sanctioned", &["ru"], None, "critical");
        check("PEP", &["ir"], None, "high");
        check("PEP", &[], Some("KP"), "high");
        check("sanction-linked", &[], None, "high");
        check("PEP", &["fr"], None, "medium");
        check("crime", &[], None, "low");
        assert_eq!(RiskRules::default().assess(&[], None).level, "none");
    }

    #[test]
    fn bad_level_refused() {
        let err = RiskRules::from_json(r#"{"rules": [{"level": "severe", "hit_risk": [], "reason": ""}]}"#);
        assert!(err.unwrap_err().contains("risk rule 1"));
    }
}
