// The demo page's own script: `?hostile` adds a site stylesheet that tries its worst on the quiz.
if (new URLSearchParams(location.search).has("hostile")) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = "hostile.css";
  document.head.append(link);
}
