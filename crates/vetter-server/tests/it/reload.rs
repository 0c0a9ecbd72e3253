//! Hot reload: requests running while the index is swapped all succeed.

use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::json;

#[test]
fn reload_under_load_fails_no_request() {
    let server = crate::start(|_| {});
    let base = server.base.clone();
    let body = serde_json::to_vec(
        &json!({"queries": {"q": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}}}}),
    )
    .unwrap();
    let failures = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| {
                let agent = crate::agent();
                for _ in 0..150 {
                    let ok = agent
                        .post(&format!("{base}/match/default"))
                        .header("content-type", "application/json")
                        .send(&body[..])
                        .is_ok_and(|r| r.status() == 200);
                    if !ok {
                        failures.fetch_add(1, Ordering::Relaxed);
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
        let agent = crate::agent();
        for _ in 0..3 {
            let mut r = agent.post(&format!("{base}/admin/reload")).send_empty().unwrap();
            assert_eq!(r.status(), 200);
            let report: serde_json::Value = r.body_mut().read_json().unwrap();
            assert!(report["generation"].as_u64() >= Some(2));
        }
    });
    assert_eq!(done.load(Ordering::Relaxed), 450);
    assert_eq!(failures.load(Ordering::Relaxed), 0);
    assert_eq!(server.shared.loaded().generation, 4);
    let mut r = crate::agent().get(&format!("{base}/readyz")).call().unwrap();
    let ready: serde_json::Value = r.body_mut().read_json().unwrap();
    assert_eq!(ready["generation"], 4);
}
