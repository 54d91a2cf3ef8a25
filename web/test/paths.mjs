// Paths the tests share.

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const WEB = join(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO = join(WEB, "..");
export const DIST = join(WEB, "dist");
export const CASES = join(REPO, "tests", "cases");
