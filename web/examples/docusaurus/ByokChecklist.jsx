// src/components/ByokChecklist.jsx in a Docusaurus site. The element is defined in the browser
// only: Docusaurus renders pages on the server too, where there is no customElements.
import React, { useEffect } from "react";
import BrowserOnly from "@docusaurus/BrowserOnly";

function Checklist(props) {
  useEffect(() => {
    import("byok-prereqs/element");
  }, []);
  return <byok-prereqs-checklist {...props} />;
}

export default function ByokChecklist(props) {
  return <BrowserOnly fallback={<p>Loading the checklist…</p>}>{() => <Checklist {...props} />}</BrowserOnly>;
}
