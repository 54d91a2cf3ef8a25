//! Key identifiers (`kid`): `https://<vault>.vault.azure.net/keys/<name>/<version>`.

use serde::{Deserialize, Serialize};

/// A key identifier split into its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyId {
    /// Vault or Managed HSM name: the first label of the host.
    pub vault: String,
    /// The rest of the host, for example `vault.azure.net` or `managedhsm.azure.net`.
    pub host_suffix: String,
    pub name: String,
    /// Key version; None for an identifier without one.
    pub version: Option<String>,
}

impl KeyId {
    /// Splits a key identifier URL. Returns None unless it is
    /// `https://<vault>.<suffix>/keys/<name>[/<version>]`.
    pub fn parse(url: &str) -> Option<KeyId> {
        let rest = url.trim().strip_prefix("https://")?;
        let (host, path) = rest.split_once('/')?;
        let host = host.split(':').next()?;

        let (vault, host_suffix) = host.split_once('.')?;
        let mut parts = path.trim_end_matches('/').split('/');
        if parts.next()? != "keys" {
            return None;
        }
        let name = parts.next()?;
        let version = parts.next();
        if parts.next().is_some() {
            return None;
        }

        let valid_name = |text: &str| {
            !text.is_empty()
                && text.len() <= 127
                && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        if !valid_name(vault) || !valid_name(name) || !host_suffix.contains('.') {
            return None;
        }
        if let Some(version) = version {
            if !version.chars().all(|c| c.is_ascii_hexdigit()) || version.is_empty() {
                return None;
            }
        }
        Some(KeyId {
            vault: vault.to_owned(),
            host_suffix: host_suffix.to_ascii_lowercase(),
            name: name.to_owned(),
            version: version.map(str::to_owned),
        })
    }

    /// True when this identifier belongs to a Managed HSM.
    pub fn is_managed_hsm(&self) -> bool {
        self.host_suffix.starts_with("managedhsm.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kid_with_version() {
        let kid = KeyId::parse(
            "https://contoso-kv.vault.azure.net/keys/KEKforBYOK/d0dfd74d5bfc494abc572867b20e4260",
        )
        .unwrap();
        assert_eq!(kid.vault, "contoso-kv");
        assert_eq!(kid.name, "KEKforBYOK");
        assert_eq!(
            kid.version.as_deref(),
            Some("d0dfd74d5bfc494abc572867b20e4260")
        );
        assert!(!kid.is_managed_hsm());
    }

    #[test]
    fn kid_managed_hsm_without_version() {
        let kid = KeyId::parse("https://contoso-mhsm.managedhsm.azure.net/keys/kek/").unwrap();
        assert!(kid.is_managed_hsm());
        assert_eq!(kid.version, None);
    }

    #[test]
    fn kid_rejects_other_urls() {
        for url in [
            "http://contoso.vault.azure.net/keys/a/1",
            "https://contoso.vault.azure.net/secrets/a/1",
            "https://contoso/keys/a",
            "kid",
            "https://contoso.vault.azure.net/keys/a/xyz",
        ] {
            assert_eq!(KeyId::parse(url), None, "{url}");
        }
    }
}
