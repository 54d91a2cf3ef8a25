// Shapes of the values that cross between JavaScript and the core. They mirror the serde
// forms of the core's types; web/test/types.test.mjs checks them against real objects.

/** One observed value and where it was observed, for example `az version`. */
export interface Fact<T> {
  value: T;
  /** The value's source, such as `az version`; `unspecified` when a facts bundle leaves it out. */
  source: string;
}

export type Target = "key-vault" | "managed-hsm";
export type HsmService = "primus" | "cloudhsm";
/** Target key type as `az keyvault key import --kty` names it, without `-HSM`. */
export type KeyType = "RSA" | "EC" | "oct";

/** The planned transfer: what goes where. */
export interface ContextFacts {
  target?: Fact<Target>;
  hsm_service?: Fact<HsmService>;
  key_type?: Fact<KeyType>;
  /** Target key size in bits. */
  key_size?: Fact<number>;
  /** Curve of an EC target key: `P-256`, `P-384`, `P-521` or `P-256K`. */
  curve?: Fact<string>;
}

/** The key exchange key (KEK) as `az keyvault key show` reports it. */
export interface KekFacts {
  kid?: Fact<string>;
  kty?: Fact<string>;
  size_bits?: Fact<number>;
  key_ops?: Fact<string[]>;
  enabled?: Fact<boolean>;
  /** RFC 3339 time. */
  expires?: Fact<string>;
  /** RFC 3339 time. */
  not_before?: Fact<string>;
}

export interface AzureFacts {
  cli_version?: Fact<string>;
  cli_update_available?: Fact<boolean>;
  /** Installed CLI extensions, name to version. */
  cli_extensions?: Fact<Record<string, string>>;
  logged_in?: Fact<boolean>;
  subscription_state?: Fact<string>;
  subscription_id?: Fact<string>;
  vault_name?: Fact<string>;
  resource_group?: Fact<string>;
  vault_found?: Fact<boolean>;
  vault_kind?: Fact<Target>;
  vault_sku?: Fact<string>;
  vault_provisioning_state?: Fact<string>;
  mhsm_activation_status?: Fact<string>;
  kek?: KekFacts;
}

/** Flags of the target key on the HSM, as `ListKeyFlags` prints them. */
export interface TargetKeyFacts {
  name?: Fact<string>;
  sensitive?: Fact<boolean>;
  extractable?: Fact<boolean>;
}

export interface HsmFacts {
  firmware?: Fact<string>;
  device_name?: Fact<string>;
  partition?: Fact<string>;
  /** Partitions found in a security configuration when none was chosen. */
  partition_choices?: Fact<string[]>;
  partition_own_settings?: Fact<boolean>;
  jce_device?: Fact<boolean>;
  jce_partition?: Fact<boolean>;
  device_key_export?: Fact<boolean>;
  device_key_extract?: Fact<boolean>;
  key_export?: Fact<boolean>;
  key_extract?: Fact<boolean>;
  /** RFC 3339 time. */
  setup_password_issued_at?: Fact<string>;
  setup_password_lifespan_hours?: Fact<number>;
  permanent_secret_fetched?: Fact<boolean>;
  target_key?: TargetKeyFacts;
}

/** Tools on the HSM client computer. */
export interface ToolFacts {
  java_present?: Fact<boolean>;
  java_version?: Fact<string>;
  java_vendor?: Fact<string>;
  primus_tools_version?: Fact<string>;
  azure_byok_export_available?: Fact<boolean>;
}

/** Contents of a `.byok` file written by `AzureByokExport`. */
export interface ByokFileFacts {
  schema_version?: Fact<string>;
  kid?: Fact<string>;
  alg?: Fact<string>;
  enc?: Fact<string>;
  /** Length of the decoded ciphertext in bytes. */
  ciphertext_bytes?: Fact<number>;
  ciphertext_valid?: Fact<boolean>;
  generator?: Fact<string>;
}

/** Everything known about one planned transfer; the facts bundle format. */
export interface Facts {
  schema_version: number;
  context?: ContextFacts;
  azure?: AzureFacts;
  hsm?: HsmFacts;
  tools?: ToolFacts;
  byok_file?: ByokFileFacts;
  /** Reasons that facts could not be gathered, keyed by fact path such as `hsm.firmware`. */
  unavailable?: Record<string, string>;
}

export type InputKind =
  | "az-version"
  | "keyvault-show"
  | "keyvault-key"
  | "primus-device-info"
  | "primus-key-flags"
  | "primus-command-help"
  | "hsm-security-config"
  | "java-version"
  | "byok-file"
  | "facts";

export interface ParseOptions {
  /** The kind of text; recognised from the text when not given. */
  kind?: InputKind | null;
  /** Partition to read from a security configuration with several partitions. */
  partition?: string | null;
}

/** The result of `parseText`: the facts read from one text. */
export interface Parsed {
  kind: InputKind;
  /** The name of the recognised text for the operator, such as "az keyvault show output". */
  label: string;
  /** The facts the text establishes; everything else is left unset. */
  facts: Facts;
  warnings: string[];
}

/** A fact whose value a merge replaced with a different one. */
export interface Replaced {
  /** Fact path, for example `hsm.firmware`. */
  path: string;
  old: unknown;
  new: unknown;
}

export interface MergeResult {
  facts: Facts;
  replaced: Replaced[];
}

export type Status = "pass" | "warn" | "fail" | "unknown" | "skipped";
export type Verdict = "ready" | "incomplete" | "not-ready";
export type Category = "azure" | "hsm" | "tools" | "byok";
export type Format = "json" | "text" | "markdown" | "junit";

export interface EvaluateOptions {
  /** Check ids to skip; each gets status `skipped`. */
  skip?: string[];
  /** Statuses that make the verdict `not-ready`; `["fail"]` when not given. */
  fail_on?: Status[] | null;
  /** The current time, RFC 3339; checks against the clock are `unknown` without it. */
  now?: string | null;
}

export interface Summary {
  total: number;
  pass: number;
  warn: number;
  fail: number;
  unknown: number;
  skipped: number;
}

export interface ReportContext {
  target?: Target;
  hsm_service?: HsmService;
  key_type?: KeyType;
  key_size?: number;
  curve?: string;
}

/** A fact a check read, with its source. */
export interface Evidence {
  fact: string;
  source: string;
}

/** How to fix a check. Ways with no lines are left out. */
export interface Remediation {
  summary: string;
  /** Menu path on the HSM's LC display (Primus X/S-Series). */
  lc_display?: string[];
  /** Commands on the HSM console (all Primus HSM series). */
  console?: string[];
  /** Azure CLI commands. */
  az?: string[];
  /** Other steps: Primus Tools commands, downloads, requests to a vendor. */
  steps?: string[];
}

export interface CheckResult {
  /** Stable check id, for example `hsm.key-export`. */
  id: string;
  title: string;
  category: Category;
  status: Status;
  /** The value found. */
  observed?: string;
  /** The requirement in this context. */
  required: string;
  message: string;
  /** Fact paths that were needed but missing. */
  missing?: string[];
  evidence?: Evidence[];
  /** Present for `fail`, `warn` and `unknown`. */
  remediation?: Remediation;
}

export interface Report {
  schema_version: number;
  verdict: Verdict;
  summary: Summary;
  context: ReportContext;
  /** Statuses that made the verdict `not-ready`. */
  fail_on: Status[];
  checks: CheckResult[];
}

/** One threshold of a rule and the document it comes from. */
export interface Threshold {
  applies_when: string;
  requirement: string;
  source: string;
}

/** A prerequisite in the catalogue and how it is checked. */
export interface Rule {
  id: string;
  title: string;
  category: Category;
  description: string;
  thresholds: Threshold[];
  /** Fact paths the check reads. */
  facts: string[];
  remediation: Remediation;
  /** Azure CLI commands that replace `remediation.az` when the target is a Managed HSM. */
  managed_hsm_az?: string[];
  /** The fix when the HSM is a CloudHSM partition: a request to Securosys. */
  cloudhsm_fix?: string;
}

export type ErrorCode =
  | "invalid-facts"
  | "unsupported-schema"
  | "input-too-large"
  | "unrecognized-input"
  | "invalid-input"
  | "invalid-option";

/** Error that every export throws: the core's message, and its error code in `code`. */
export interface ByokError extends Error {
  code: ErrorCode;
}
