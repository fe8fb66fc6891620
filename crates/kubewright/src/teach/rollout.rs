//! What a rolling update does, step by step, for the chosen replicas, maxSurge and maxUnavailable:
//! the Deployment controller's arithmetic (`ResolveFenceposts`, `NewRSNewReplicas`,
//! `reconcileOldReplicaSets`), with every new pod becoming ready in one go between steps.

/// How an int-or-percent setting resolved against the replica count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Pods allowed above `replicas` (maxSurge, percentages rounded up).
    pub surge: i64,
    /// Pods allowed below `replicas` (maxUnavailable, percentages rounded down).
    pub unavailable: i64,
    /// Both resolved to 0 and the controller used maxUnavailable 1 instead, so the rollout can move.
    pub fencepost: bool,
}

/// The pods at one moment of the rollout. Old pods are all ready; new pods are ready or starting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub old: i64,
    pub new: i64,
    pub new_ready: i64,
    /// What happened to get here.
    pub note: String,
}

impl Step {
    /// Pods serving traffic.
    pub fn ready(&self) -> i64 {
        self.old + self.new_ready
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rollout {
    pub replicas: i64,
    pub limits: Limits,
    /// From all old pods (the first step) to all new and ready (the last).
    pub steps: Vec<Step>,
}

/// An int-or-percent: `2` or `25%`, 0 or more.
fn parse(text: &str, what: &str) -> Result<IntOrPercent, String> {
    let bad = || format!("{what} \"{text}\" is not a whole number or a percentage such as 25%");
    match text.strip_suffix('%') {
        Some(p) => p
            .parse::<i64>()
            .map(IntOrPercent::Percent)
            .map_err(|_| bad()),
        None => text
            .parse::<i64>()
            .map(IntOrPercent::Int)
            .map_err(|_| bad()),
    }
    .and_then(|v| match v {
        IntOrPercent::Int(n) | IntOrPercent::Percent(n) if n < 0 => {
            Err(format!("{what} cannot be negative"))
        }
        v => Ok(v),
    })
}

#[derive(Clone, Copy)]
enum IntOrPercent {
    Int(i64),
    Percent(i64),
}

impl IntOrPercent {
    fn is_zero(self) -> bool {
        matches!(self, IntOrPercent::Int(0) | IntOrPercent::Percent(0))
    }

    fn scaled(self, total: i64, round_up: bool) -> i64 {
        match self {
            IntOrPercent::Int(n) => n,
            IntOrPercent::Percent(p) => {
                let x = p.saturating_mul(total);
                if round_up {
                    x.saturating_add(99) / 100
                } else {
                    x / 100
                }
            }
        }
    }
}

/// The limits the controller works with; an error says why the API server would refuse the settings.
pub fn limits(replicas: i64, max_surge: &str, max_unavailable: &str) -> Result<Limits, String> {
    let surge = parse(max_surge, "maxSurge")?;
    let unavailable = parse(max_unavailable, "maxUnavailable")?;
    if surge.is_zero() && unavailable.is_zero() {
        return Err(
            "maxSurge and maxUnavailable cannot both be 0: the rollout could never start a pod or stop one"
                .into(),
        );
    }
    if let IntOrPercent::Percent(p) = unavailable {
        if p > 100 {
            return Err("maxUnavailable cannot be above 100%".into());
        }
    }
    let total = replicas.max(0);
    let s = surge.scaled(total, true);
    let u = unavailable.scaled(total, false);
    // Both can round to 0 (e.g. 10% of 5 unavailable, 0 surge): the controller then allows 1.
    Ok(if s == 0 && u == 0 {
        Limits {
            surge: 0,
            unavailable: 1,
            fencepost: true,
        }
    } else {
        Limits {
            surge: s,
            unavailable: u,
            fencepost: false,
        }
    })
}

/// The rollout from `replicas` old pods to `replicas` new ones.
pub fn rollout(replicas: i64, max_surge: &str, max_unavailable: &str) -> Result<Rollout, String> {
    let limits = limits(replicas, max_surge, max_unavailable)?;
    let n = replicas.max(0);
    let mut steps = vec![Step {
        old: n,
        new: 0,
        new_ready: 0,
        note: format!("{n} old pods run and serve"),
    }];
    let (mut old, mut new, mut new_ready) = (n, 0i64, 0i64);
    // Each round makes progress (the limits guarantee surge + unavailable >= 1); the cap only guards
    // against a bug turning into a frozen page.
    for _ in 0..(4 * n + 8) {
        if old == 0 && new_ready == n {
            break;
        }
        // Scale the new ReplicaSet up as far as maxSurge allows.
        let room = (n + limits.surge) - (old + new);
        let up = room.min(n - new).max(0);
        new += up;
        // Scale old pods down while enough pods stay ready: starting new pods do not count.
        let min_ready = n - limits.unavailable;
        let down = ((old + new) - min_ready - (new - new_ready))
            .min(old)
            .max(0);
        old -= down;
        if up > 0 || down > 0 {
            let mut parts = Vec::new();
            if up > 0 {
                parts.push(format!("start {up} new"));
            }
            if down > 0 {
                parts.push(format!("stop {down} old"));
            }
            steps.push(Step {
                old,
                new,
                new_ready,
                note: parts.join(", "),
            });
        }
        if new_ready < new {
            let became = new - new_ready;
            new_ready = new;
            steps.push(Step {
                old,
                new,
                new_ready,
                note: format!("{became} new ready"),
            });
        }
    }
    Ok(Rollout {
        replicas: n,
        limits,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(r: &Rollout) -> Vec<(i64, i64, i64)> {
        r.steps
            .iter()
            .map(|s| (s.old, s.new, s.new_ready))
            .collect()
    }

    #[test]
    fn percentages_round_like_the_controller() {
        // (replicas, maxSurge, maxUnavailable) -> (surge, unavailable, fencepost)
        let cases = [
            (4, "25%", "25%", (1, 1, false)),
            (10, "25%", "25%", (3, 2, false)),
            (1, "10%", "0", (1, 0, false)),
            (5, "0", "10%", (0, 1, true)),
            (3, "0%", "50%", (0, 1, false)),
            (3, "2", "1", (2, 1, false)),
        ];
        for (n, s, u, (es, eu, ef)) in cases {
            let l = limits(n, s, u).unwrap();
            assert_eq!(
                (l.surge, l.unavailable, l.fencepost),
                (es, eu, ef),
                "{n} {s} {u}"
            );
        }
    }

    #[test]
    fn settings_the_api_server_refuses_are_errors() {
        for (s, u) in [
            ("0", "0"),
            ("0%", "0"),
            ("x", "1"),
            ("1", "-1"),
            ("1", "101%"),
            ("", "1"),
        ] {
            assert!(rollout(3, s, u).is_err(), "{s} {u}");
        }
    }

    #[test]
    fn surge_only_keeps_every_old_pod_until_its_replacement_is_ready() {
        let r = rollout(3, "1", "0").unwrap();
        assert_eq!(
            shape(&r),
            [
                (3, 0, 0),
                (3, 1, 0),
                (3, 1, 1),
                (2, 1, 1),
                (2, 2, 1),
                (2, 2, 2),
                (1, 2, 2),
                (1, 3, 2),
                (1, 3, 3),
                (0, 3, 3)
            ]
        );
        // Never fewer ready pods than replicas, never more pods than replicas + surge.
        assert!(r.steps.iter().all(|s| s.ready() >= 3 && s.old + s.new <= 4));
    }

    #[test]
    fn unavailable_only_stops_old_pods_first() {
        let r = rollout(2, "0", "1").unwrap();
        assert_eq!(shape(&r)[1], (1, 0, 0));
        assert_eq!(shape(&r).last(), Some(&(0, 2, 2)));
        assert!(r.steps.iter().all(|s| s.ready() >= 1 && s.old + s.new <= 2));
    }

    #[test]
    fn every_rollout_ends_with_all_new_pods_ready_within_its_limits() {
        for n in 0..12 {
            for s in ["0", "1", "3", "25%", "100%"] {
                for u in ["0", "1", "25%", "50%", "100%"] {
                    let Ok(r) = rollout(n, s, u) else {
                        assert!(s == "0" && u == "0");
                        continue;
                    };
                    let last = r.steps.last().unwrap();
                    assert_eq!(
                        (last.old, last.new, last.new_ready),
                        (0, n, n),
                        "{n} {s} {u}"
                    );
                    for step in &r.steps {
                        assert!(step.old + step.new <= n + r.limits.surge, "{n} {s} {u}");
                        assert!(step.ready() >= n - r.limits.unavailable, "{n} {s} {u}");
                    }
                }
            }
        }
    }

    #[test]
    fn zero_replicas_has_nothing_to_roll() {
        assert_eq!(shape(&rollout(0, "25%", "0").unwrap()), [(0, 0, 0)]);
    }
}
