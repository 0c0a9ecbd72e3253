//! Sentences that must not produce a sanctioned (or any) hit: surnames with
//! no earlier full name, ordinary words that are listed names, people who
//! share a given name or a surname with a listed person, companies named like
//! people, acronyms, and headlines.

use crate::scan;

fn no_sanctioned(text: &str) {
    let report = scan(text, None);
    let hits: Vec<String> = report
        .mentions
        .iter()
        .filter(|m| m.entity.risk == "sanctioned")
        .map(|m| format!("{} -> {} ({})", m.text, m.entity.caption, m.explanation))
        .collect();
    assert!(hits.is_empty(), "{text}\n{hits:#?}");
}

#[test]
fn surname_alone() {
    no_sanctioned("Putin declined to comment, the spokesman said.");
    no_sanctioned("Asked about Kadyrov, the minister changed the subject.");
    no_sanctioned("A man named Assad runs the corner shop.");
}

#[test]
fn common_words() {
    no_sanctioned("Justice, Hope and Unity were painted on the wall of the Victory cinema.");
    no_sanctioned("The Future Bank of Ideas hosted a Security panel on Monday.");
    no_sanctioned("He told JI that the IRA and the CAN group had nothing to do with it.");
}

#[test]
fn shared_given_names() {
    no_sanctioned("Vladimir Nabokov and Vladimir Horowitz were born in Russia.");
    no_sanctioned("Ramzan Ahmed, a taxi driver, said the fare had doubled.");
    no_sanctioned("Bashar Haddad teaches chemistry in Amman.");
}

#[test]
fn companies_named_like_people() {
    no_sanctioned("Ford and Tesla cut prices; Ford Motor Company blamed steel costs.");
    no_sanctioned("Henry Ford and David Rockefeller shaped American industry.");
    no_sanctioned("Starlink terminals reached Ukraine through SpaceX and Tesla dealers.");
}

#[test]
fn headlines() {
    no_sanctioned("Sanctions Bite As Kremlin Allies Flee\nMarkets fell on Monday.");
}

#[test]
fn similar_spellings() {
    no_sanctioned("Ivan Petrov, a Moscow trader, and Qasem Ahmadi, a carpet seller, spoke to reporters.");
}
