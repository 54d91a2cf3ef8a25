// Shows how a host page listens to the element: the event bubbles out of the shadow root.
document.addEventListener("byok-report-change", (event) => {
  document.getElementById("verdict").value = event.detail.report.verdict;
});
