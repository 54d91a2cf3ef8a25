//! `byok_core` decides whether everything is in place to move a key from a Securosys Primus HSM
//! or CloudHSM partition into Azure Key Vault or Managed HSM (Bring Your Own Key).
//!
//! It does no I/O. Hosts (the `az byok prereqs` extension, the browser page) gather what the
//! tools print, read it with [`parse_text`], merge the fragments into [`Facts`], and call
//! [`evaluate`] to get a [`Report`]. The same facts give the same report in every host.
//!
//! ```
//! use byok_core::{evaluate, EvaluateOptions, Facts, Verdict};
//!
//! let facts = Facts::from_json(r#"{
//!     "schema_version": 1,
//!     "context": { "target": { "value": "key-vault", "source": "entered by user" } },
//!     "azure": { "vault_sku": { "value": "standard", "source": "az keyvault show" } }
//! }"#).unwrap();
//! let report = evaluate(&facts, &EvaluateOptions::default()).unwrap();
//! assert_eq!(report.verdict, Verdict::NotReady);
//! assert_eq!(report.check("azure.vault.sku").unwrap().status.as_str(), "fail");
//! ```

pub mod catalogue;
pub mod error;
mod evaluate;
pub mod facts;
pub mod kid;
pub mod parse;
pub mod render;
pub mod report;
mod time;
pub mod version;

pub use catalogue::{Category, Remediation, Rule, RULES};
pub use error::{Error, ErrorCode};
pub use evaluate::{evaluate, EvaluateOptions};
pub use facts::{Fact, Facts, HsmService, KeyType, Target, FACTS_SCHEMA_VERSION};
pub use parse::{parse_text, InputKind, ParseOptions, Parsed};
pub use render::{render, Format};
pub use report::{CheckResult, Report, Status, Verdict, REPORT_SCHEMA_VERSION};
