//! The env variable the app reads its listening port from (`PORT`, Rails' `HTTP_PORT`, ...): it
//! must say the container port, or the app listens where no Service or probe looks.

use super::AppSpec;

/// The names web frameworks and platforms read the listening port from, in the order looked for.
pub const PORT_ENV_NAMES: [&str; 5] = [
    "PORT",
    "HTTP_PORT",
    "APP_PORT",
    "SERVER_PORT",
    "LISTEN_PORT",
];

impl AppSpec {
    /// The plain env row (`env[i]`) that holds the app's port, if there is one.
    pub fn port_env(&self) -> Option<usize> {
        PORT_ENV_NAMES
            .iter()
            .find_map(|name| self.env.iter().position(|e| e.name == *name))
    }

    /// Sets the container port; the port variable follows when it said the old port, so the two
    /// move together (a variable set to something else is the user's choice, and a warning).
    pub fn set_port_number(&mut self, number: i64) {
        let old = self.port.number;
        self.port.number = number;
        if let Some(i) = self.port_env() {
            if self.env[i].value.trim().parse::<i64>() == Ok(old) {
                self.env[i].value = number.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::presets::Preset;

    #[test]
    fn the_port_variable_follows_the_port_it_said() {
        let mut spec = Preset::find("rails").unwrap().spec().unwrap();
        let i = spec.port_env().unwrap();
        assert_eq!(spec.env[i].name, "HTTP_PORT");
        spec.set_port_number(3000);
        assert_eq!(
            (spec.port.number, spec.env[i].value.as_str()),
            (3000, "3000")
        );
        // A value of the user's own is left alone.
        spec.env[i].value = "9000".into();
        spec.set_port_number(3001);
        assert_eq!(spec.env[i].value, "9000");
    }
}
