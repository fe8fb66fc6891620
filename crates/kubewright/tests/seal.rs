//! Sealing: round trips through the rsa and aes-gcm crates' decryption (the independent check is
//! tests/oracles/unseal.py, Python's `cryptography`), the SealedSecret in the render, the per-value
//! memory of the Sealer, certificate messages, the generators and the share-safe spec copy.

use aes_gcm::aead::{Aead, KeyInit, Nonce};
use aes_gcm::Aes256Gcm;
use base64::Engine;
use kubewright::generate::Generated;
use kubewright::seal::{self, SealStatus, Sealer, SealingKey};
use kubewright::spec::{AppSpec, DatabaseKind, EnvEntry, SealScope};
use rand_core::OsRng;
use rsa::{Oaep, RsaPrivateKey, RsaPublicKey};
use sha2::Sha256;

const CERT: &str = include_str!("fixtures/seal/cert.pem");
const EC_CERT: &str = include_str!("fixtures/seal/ec-cert.pem");
const RSA1024_CERT: &str = include_str!("fixtures/seal/rsa1024-cert.pem");

fn private_key() -> RsaPrivateKey {
    // 2048 bits: the smallest size the product accepts, quick to make.
    RsaPrivateKey::new(&mut OsRng, 2048).unwrap()
}

/// The controller's HybridDecrypt, written with the RustCrypto crates' decrypting halves.
fn unseal(key: &RsaPrivateKey, sealed: &str, label: &str) -> Result<Vec<u8>, String> {
    let data = base64::engine::general_purpose::STANDARD
        .decode(sealed)
        .map_err(|e| e.to_string())?;
    let rsa_len = u16::from_be_bytes([data[0], data[1]]) as usize;
    let (rsa_part, aes_part) = data[2..].split_at(rsa_len);
    let session_key = key
        .decrypt(Oaep::new_with_label::<Sha256, _>(label), rsa_part)
        .map_err(|e| e.to_string())?;
    Aes256Gcm::new_from_slice(&session_key)
        .map_err(|e| e.to_string())?
        .decrypt(&Nonce::<Aes256Gcm>::default(), aes_part)
        .map_err(|e| e.to_string())
}

#[test]
fn a_sealed_value_opens_with_its_label_only() {
    let private = private_key();
    let key = SealingKey::from_public_key(RsaPublicKey::from(&private));
    let plain = "pässwörd with\nnewline 🦀".as_bytes();
    for scope in SealScope::ALL {
        let label = seal::label(scope, "shop", "web-env-secret");
        let sealed = seal::seal_value(&key, &label, plain, &mut OsRng).unwrap();
        assert_eq!(
            unseal(&private, &sealed, &label).unwrap(),
            plain,
            "{scope:?}"
        );
        for wrong in ["shop/other", "other/web-env-secret", "other", "x"] {
            if wrong != label {
                assert!(
                    unseal(&private, &sealed, wrong).is_err(),
                    "{scope:?} opened with {wrong}"
                );
            }
        }
        // u16 length (256 for a 2048-bit key) || RSA ciphertext || AES-GCM ciphertext + 16-byte tag.
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&sealed)
            .unwrap();
        assert_eq!(&bytes[..2], &[1, 0]);
        assert_eq!(bytes.len(), 2 + 256 + plain.len() + 16);
    }
    assert_eq!(seal::label(SealScope::Strict, "ns", "n"), "ns/n");
    assert_eq!(seal::label(SealScope::NamespaceWide, "ns", "n"), "ns");
    assert_eq!(seal::label(SealScope::ClusterWide, "ns", "n"), "");
}

#[test]
fn sealing_is_randomized_and_an_empty_value_seals_too() {
    let private = private_key();
    let key = SealingKey::from_public_key(RsaPublicKey::from(&private));
    let a = seal::seal_value(&key, "a/b", b"same", &mut OsRng).unwrap();
    let b = seal::seal_value(&key, "a/b", b"same", &mut OsRng).unwrap();
    assert_ne!(a, b);
    let empty = seal::seal_value(&key, "a/b", b"", &mut OsRng).unwrap();
    assert_eq!(unseal(&private, &empty, "a/b").unwrap(), b"");
}

fn phoenix() -> AppSpec {
    crate::util::article_with_typed_url()
}

fn sealed_spec(scope: SealScope) -> AppSpec {
    let mut spec = phoenix();
    spec.secret_options.seal.cert = CERT.to_string();
    spec.secret_options.seal.scope = scope;
    spec
}

#[test]
fn with_a_certificate_the_secret_becomes_a_sealed_secret_and_is_applied() {
    for scope in SealScope::ALL {
        let spec = sealed_spec(scope);
        let rendered = kubewright::render(&spec);
        let SealStatus::Sealed(description) = &rendered.seal else {
            panic!("{:?}", rendered.seal)
        };
        assert!(
            description.starts_with("RSA 4096-bit key of "),
            "{description}"
        );
        let names: Vec<&str> = rendered.files.iter().map(|f| f.name.as_str()).collect();
        assert!(names.contains(&"sealedsecret.yaml"), "{names:?}");
        assert!(!names.contains(&"secret.yaml"), "{names:?}");
        assert!(!rendered.all.contains("kind: Secret\n"));
        let doc: serde_yaml::Value = serde_yaml::from_str(
            &rendered
                .files
                .iter()
                .find(|f| f.kind == "SealedSecret")
                .unwrap()
                .yaml,
        )
        .unwrap();
        assert_eq!(doc["apiVersion"].as_str(), Some("bitnami.com/v1alpha1"));
        assert_eq!(
            doc["metadata"]["name"].as_str(),
            Some("kube-native-env-secret")
        );
        assert_eq!(doc["spec"]["template"]["type"].as_str(), Some("Opaque"));
        assert_eq!(doc["spec"]["template"]["metadata"], doc["metadata"]);
        let annotations = &doc["metadata"]["annotations"];
        match scope {
            SealScope::Strict => assert!(annotations.is_null()),
            SealScope::NamespaceWide => assert_eq!(
                annotations["sealedsecrets.bitnami.com/namespace-wide"].as_str(),
                Some("true")
            ),
            SealScope::ClusterWide => assert_eq!(
                annotations["sealedsecrets.bitnami.com/cluster-wide"].as_str(),
                Some("true")
            ),
        }
        let keys: Vec<&str> = doc["spec"]["encryptedData"]
            .as_mapping()
            .unwrap()
            .keys()
            .map(|k| k.as_str().unwrap())
            .collect();
        let wanted: Vec<&str> = spec.secrets.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(keys, wanted);
        for entry in &spec.secrets {
            assert!(!rendered.all.contains(&entry.value));
            assert!(!rendered.commands_text().contains(&entry.value));
        }
        let commands = rendered.commands_text();
        assert!(commands.contains("kubectl apply -n kube-native -f sealedsecret.yaml"));
        assert!(commands.contains(
            "kubectl wait -n kube-native --for=create secret/kube-native-env-secret --timeout=60s"
        ));
        assert!(!commands.contains(" -f secret.yaml"), "{commands}");
    }
}

/// The `spec.encryptedData` of the SealedSecret in file `file`.
fn encrypted_in(rendered: &kubewright::Rendered, file: &str) -> Vec<(String, String)> {
    let yaml = &rendered.files.iter().find(|f| f.name == file).unwrap().yaml;
    let doc: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    doc["spec"]["encryptedData"]
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().into(), v.as_str().unwrap().into()))
        .collect()
}

#[test]
fn the_database_password_is_sealed_too() {
    // GIVEN a spec with a database (the chart's, or CloudNativePG's) and a certificate
    for (kind, type_, keys) in [
        (
            DatabaseKind::Helm,
            "Opaque",
            ["password", "postgres-password"],
        ),
        (
            DatabaseKind::CloudNativePg,
            "kubernetes.io/basic-auth",
            ["username", "password"],
        ),
    ] {
        for scope in SealScope::ALL {
            let mut spec = sealed_spec(scope);
            spec.database.kind = kind;
            spec.secrets.retain(|e| e.name != "DATABASE_URL");
            spec.database.password = "db-pässword-1".into();
            spec.database.admin_password = "db-admin-pässword-2".into();
            // WHEN it is rendered
            let rendered = kubewright::render(&spec);
            // THEN no Secret is left readable: the database's is a SealedSecret of the same shape
            assert!(
                matches!(rendered.seal, SealStatus::Sealed(_)),
                "{:?}",
                rendered.seal
            );
            let names: Vec<&str> = rendered.files.iter().map(|f| f.name.as_str()).collect();
            assert!(names.contains(&"database-sealedsecret.yaml"), "{names:?}");
            assert!(!names.contains(&"database-secret.yaml"), "{names:?}");
            assert!(!rendered.all.contains("kind: Secret\n"));
            assert!(!rendered.all.contains("pässword"));
            let file = rendered
                .files
                .iter()
                .find(|f| f.name == "database-sealedsecret.yaml")
                .unwrap();
            let doc: serde_yaml::Value = serde_yaml::from_str(&file.yaml).unwrap();
            let secret = spec.database.secret_name();
            assert_eq!(doc["metadata"]["name"].as_str(), Some(secret.as_str()));
            assert_eq!(doc["spec"]["template"]["type"].as_str(), Some(type_));
            assert_eq!(doc["spec"]["template"]["metadata"], doc["metadata"]);
            let got: Vec<String> = encrypted_in(&rendered, &file.name)
                .into_iter()
                .map(|(k, _)| k)
                .collect();
            assert_eq!(got, keys);
            // AND the commands apply it and wait for the controller's Secret before the database
            let commands = rendered.commands_text();
            let apply = commands
                .find("-f database-sealedsecret.yaml")
                .unwrap_or_else(|| panic!("{commands}"));
            let wait = commands
                .find(&format!("--for=create secret/{secret} "))
                .unwrap_or_else(|| panic!("{commands}"));
            let database = match kind {
                DatabaseKind::Helm => commands.find("helm upgrade --install"),
                _ => commands.find("-f database-cluster.yaml"),
            }
            .unwrap_or_else(|| panic!("{commands}"));
            assert!(apply < wait && wait < database, "{commands}");
            assert!(!commands.contains("database-secret.yaml"), "{commands}");
        }
    }
}

#[test]
fn the_sealer_keeps_both_secrets_between_renders() {
    // GIVEN one sealer kept between renders (as the page keeps it)
    let mut sealer = Sealer::new(OsRng);
    let mut spec = sealed_spec(SealScope::Strict);
    spec.database.kind = DatabaseKind::Helm;
    // The URL is derived from the database now, not typed.
    spec.secrets.retain(|e| e.name != "DATABASE_URL");
    let first = kubewright::render::render_with(&spec, &mut sealer);
    // WHEN only the database password changes
    spec.database.password.push('!');
    let edited = kubewright::render::render_with(&spec, &mut sealer);
    // THEN only that value (and the derived URL holding it) is sealed again
    let (db_before, db_after) = (
        encrypted_in(&first, "database-sealedsecret.yaml"),
        encrypted_in(&edited, "database-sealedsecret.yaml"),
    );
    assert_ne!(db_before[0], db_after[0], "password");
    assert_eq!(db_before[1], db_after[1], "postgres-password");
    let (app_before, app_after) = (
        encrypted_in(&first, "sealedsecret.yaml"),
        encrypted_in(&edited, "sealedsecret.yaml"),
    );
    let url = app_before.len() - 1;
    assert_eq!(app_before[..url], app_after[..url]);
    assert_ne!(app_before[url], app_after[url], "the derived DATABASE_URL");
}

#[test]
fn the_sealer_keeps_unchanged_values_and_reseals_changed_ones() {
    let mut sealer = Sealer::new(OsRng);
    let mut spec = sealed_spec(SealScope::Strict);
    let encrypted = |r: &kubewright::Rendered| encrypted_in(r, "sealedsecret.yaml");
    let first = encrypted(&kubewright::render::render_with(&spec, &mut sealer));
    let again = encrypted(&kubewright::render::render_with(&spec, &mut sealer));
    assert_eq!(
        first, again,
        "an unchanged spec re-rendered must not change"
    );

    spec.secrets[1].value.push('!');
    let edited = encrypted(&kubewright::render::render_with(&spec, &mut sealer));
    assert_eq!(edited[0], first[0]);
    assert_ne!(edited[1], first[1]);
    assert_eq!(edited[2], first[2]);

    // Two keys holding the same value do not get the same text (that would say they are equal).
    spec.secrets[2].value = spec.secrets[0].value.clone();
    let same = encrypted(&kubewright::render::render_with(&spec, &mut sealer));
    assert_ne!(same[0].1, same[2].1);

    // Strict binds to the name: renaming the app reseals everything.
    spec.app.name = "renamed".into();
    let renamed = encrypted(&kubewright::render::render_with(&spec, &mut sealer));
    for (a, b) in renamed.iter().zip(&same) {
        assert_ne!(a.1, b.1);
    }

    // A fresh sealer (another page load) seals differently: sealing is randomized.
    let other = encrypted(&kubewright::render::render_with(
        &spec,
        &mut Sealer::new(OsRng),
    ));
    assert_ne!(other, renamed);
}

#[test]
fn certificate_problems_get_a_clear_message_and_no_secret_is_emitted() {
    let private_pem = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n";
    // `cat cert.pem tls.key`, and the key backup the sealed-secrets docs recommend keeping.
    let with_key =
        format!("{CERT}-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
    let backup = "apiVersion: v1\nkind: Secret\ndata:\n  tls.crt: LS0tLS1CRUdJTg==\n  tls.key: LS0tLS1CRUdJTg==\n";
    let cases: &[(&str, &str)] = &[
        (
            &with_key,
            "Besides the certificate, this text holds a private key (RSA PRIVATE KEY)",
        ),
        (backup, "the controller's key backup"),
        (EC_CERT, "elliptic-curve (EC) key, not an RSA key"),
        (RSA1024_CERT, "has only 1024 bits; at least 2048"),
        (private_pem, "This is a private key (PRIVATE KEY)"),
        (
            "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n",
            "This is a PUBLIC KEY block, not a certificate",
        ),
        ("hello", "This is not a PEM certificate"),
        (
            "-----BEGIN CERTIFICATE-----\nMIIB\n",
            "-----END CERTIFICATE----- is missing",
        ),
        (
            "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
            "The certificate could not be read",
        ),
    ];
    for (cert, message) in cases {
        let err = SealingKey::from_pem(cert).unwrap_err();
        assert!(err.contains(message), "{message:?} not in {err:?}");

        let mut spec = phoenix();
        spec.secret_options.seal.cert = cert.to_string();
        let rendered = kubewright::render(&spec);
        assert_eq!(rendered.seal, SealStatus::Failed(err));
        assert!(rendered
            .files
            .iter()
            .all(|f| f.kind != "Secret" && f.kind != "SealedSecret"));
        assert!(!rendered.commands_text().contains("secret.yaml"));
    }
}

#[test]
fn a_certificate_is_found_among_other_text_and_crlf_line_ends() {
    let pasted = format!(
        "$ kubeseal --fetch-cert\r\n{}\r\n",
        CERT.replace('\n', "\r\n")
    );
    let key = SealingKey::from_pem(&pasted).unwrap();
    assert!(
        key.describe().contains("CN=sealed-secret"),
        "{}",
        key.describe()
    );
    assert!(
        key.describe().contains("valid until 20"),
        "{}",
        key.describe()
    );
}

#[test]
fn strict_and_namespace_wide_need_a_namespace() {
    for scope in [SealScope::Strict, SealScope::NamespaceWide] {
        let mut spec = sealed_spec(scope);
        spec.app.namespace.clear();
        let rendered = kubewright::render(&spec);
        let SealStatus::Failed(message) = rendered.seal else {
            panic!("{:?}", rendered.seal)
        };
        assert!(message.contains("set the namespace"), "{message}");
    }
    let mut spec = sealed_spec(SealScope::ClusterWide);
    spec.app.namespace.clear();
    assert!(matches!(
        kubewright::render(&spec).seal,
        SealStatus::Sealed(_)
    ));
}

#[test]
fn with_no_secrets_the_certificate_is_still_checked() {
    let mut spec = sealed_spec(SealScope::Strict);
    spec.secrets.clear();
    let rendered = kubewright::render(&spec);
    assert!(matches!(rendered.seal, SealStatus::Sealed(_)));
    assert!(rendered.files.iter().all(|f| f.kind != "SealedSecret"));
    spec.secret_options.seal.cert = EC_CERT.into();
    assert!(matches!(
        kubewright::render(&spec).seal,
        SealStatus::Failed(_)
    ));
}

#[test]
fn string_data_writes_plain_values_and_sealing_ignores_it() {
    let mut spec = phoenix();
    spec.secret_options.string_data = true;
    let rendered = kubewright::render(&spec);
    let secret = &rendered
        .files
        .iter()
        .find(|f| f.kind == "Secret")
        .unwrap()
        .yaml;
    let doc: serde_yaml::Value = serde_yaml::from_str(secret).unwrap();
    assert!(doc.get("data").is_none());
    for entry in &spec.secrets {
        assert_eq!(
            doc["stringData"][entry.name.as_str()].as_str(),
            Some(entry.value.as_str())
        );
    }
    spec.secret_options.seal.cert = CERT.into();
    let rendered = kubewright::render(&spec);
    assert!(rendered.files.iter().any(|f| f.kind == "SealedSecret"));
    assert!(!rendered.all.contains("stringData"));
}

#[test]
fn generated_values_have_the_promised_shape_and_differ() {
    let sample = |kind: Generated| kind.generate(&mut OsRng);
    let key_base = sample(Generated::SecretKeyBase);
    assert_eq!(key_base.len(), 64);
    assert!(key_base
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/'));
    let cookie = sample(Generated::ErlangCookie);
    assert_eq!(cookie.len(), 48);
    assert!(cookie.chars().all(|c| c.is_ascii_alphanumeric()));
    let password = sample(Generated::Password);
    assert_eq!(password.len(), 32);
    assert!(password.chars().all(|c| c.is_ascii_alphanumeric()));
    for kind in Generated::ALL {
        assert_ne!(sample(kind), sample(kind), "{kind:?}");
        assert_eq!(Generated::for_name(kind.default_name()), kind);
        assert!(kind.fills(kind.default_name()));
    }
    assert_eq!(
        Generated::for_name("ERLANG_COOKIE"),
        Generated::ErlangCookie
    );
    assert!(Generated::ErlangCookie.fills("ERLANG_COOKIE"));
    assert!(Generated::Password.fills("DB_PASS"));
    assert!(!Generated::Password.fills("SECRET_KEY_BASE"));
}

#[test]
fn the_share_safe_copy_has_no_secret_value() {
    let mut spec = sealed_spec(SealScope::Strict);
    spec.secrets.push(EnvEntry::new("EXTRA", "s3cret"));
    spec.database.kind = DatabaseKind::Helm;
    spec.database.password = "db-s3cret".into();
    spec.database.admin_password = "db-admin-s3cret".into();
    let safe = spec.without_secret_values();
    // The database's passwords are secret values too (they once reached autosave and share links).
    assert_eq!(safe.database.password, "");
    assert_eq!(safe.database.admin_password, "");
    assert_eq!(safe.database.name, spec.database.name);
    assert_eq!(safe.secrets.len(), spec.secrets.len());
    assert!(safe.secrets.iter().all(|e| e.value.is_empty()));
    assert_eq!(
        safe.secrets.iter().map(|e| &e.name).collect::<Vec<_>>(),
        spec.secrets.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
    // The certificate is public and stays.
    assert_eq!(safe.secret_options, spec.secret_options);
    // Nothing else pasted with it does: a private key in the box is never stored or shared.
    let mut pasted = spec.clone();
    pasted.secret_options.seal.cert =
        format!("note\n{CERT}-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
    let safe_pasted = pasted.without_secret_values();
    assert_eq!(safe_pasted.secret_options.seal.cert, CERT);
    assert!(!kubewright::spec_to_json(&safe_pasted).contains("PRIVATE KEY"));
    let json = kubewright::spec_to_json(&safe);
    for entry in &spec.secrets {
        assert!(!json.contains(&entry.value), "{} in {json}", entry.value);
    }
    assert!(
        !json.contains("db-s3cret") && !json.contains("db-admin-s3cret"),
        "{json}"
    );
}

#[test]
fn sealed_lines_link_back_to_their_form_fields() {
    // GIVEN a sealed render (the line map reads objects laid out without encrypting anything)
    let mut spec = sealed_spec(SealScope::Strict);
    spec.database.kind = DatabaseKind::CloudNativePg;
    spec.secrets.retain(|e| e.name != "DATABASE_URL");
    let rendered = kubewright::render(&spec);
    let sources = kubewright::render::sources::line_sources(&spec, &rendered.all);
    let lines: Vec<&str> = rendered.all.lines().collect();
    assert_eq!(sources.len(), lines.len());
    // THEN each sealed value's line names the form field it came from
    let source_of = |prefix: &str| -> Vec<String> {
        let i = lines
            .iter()
            .position(|l| l.trim_start().starts_with(prefix))
            .unwrap_or_else(|| panic!("no line {prefix}"));
        sources[i].clone()
    };
    assert_eq!(
        source_of(&format!("{}:", spec.secrets[0].name)),
        ["secrets[0]"]
    );
    assert_eq!(source_of("username:"), ["database.user"]);
    assert_eq!(source_of("password:"), ["database.password"]);
}
