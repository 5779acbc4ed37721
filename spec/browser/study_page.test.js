// The HTML study page in a real browser: headless Chromium (Debian's
// /usr/bin/chromium) driven by playwright-core. Run by spec/export_spec.lua:
//   node study_page.test.js PAGE.html HOSTILE.html EXPECTED_LINES SCREENSHOT.png ['{"query": lines}']
// Prints one line per check ("ok ..." / "not ok ..."), then "N passed, N failed";
// exits non-zero when a check fails.
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const { chromium } = require("playwright-core");

const [page1, hostile, expected, shot, more] = process.argv.slice(2);
// more: a JSON object {query: lines} of other searches, as doc:concordance counts them
const others = more ? JSON.parse(more) : {};
if (!page1 || !hostile || !expected) {
  console.error("usage: node study_page.test.js PAGE.html HOSTILE.html EXPECTED_LINES [SCREENSHOT.png]");
  process.exit(2);
}

let passed = 0, failed = 0;
function check(ok, what, detail) {
  if (ok) { passed++; console.log("ok " + what); }
  else { failed++; console.log("not ok " + what + (detail !== undefined ? " -- " + JSON.stringify(detail) : "")); }
}

async function open(context, file) {
  const page = await context.newPage();
  const errors = [], requests = [], dialogs = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => { if (!/^(file|data|about):/.test(r.url())) requests.push(r.url()); });
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto("file://" + path.resolve(file));
  return { context: page, page, errors, requests, dialogs };
}

async function inView(page, selector) {
  return page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "leninletter-chromium-"));
  // a fresh profile (--user-data-dir) for each run
  const b = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    // --- the letter's page
    const s = await open(b, page1);
    const { page } = s;
    check((await page.title()).length > 0, "the page has a title");
    // a marker reaches its note, and the note's back link returns
    const marker = await page.$("sup.ref a");
    const href = await marker.getAttribute("href");
    const markerId = await marker.getAttribute("id");
    await marker.click();
    await page.waitForTimeout(100);
    check(new URL(page.url()).hash === href, "clicking a marker goes to its note", page.url());
    check(await inView(page, href), "the note is on screen after clicking its marker");
    const back = await page.$(href + " a.backref[href='#" + markerId + "']");
    check(back !== null, "the note links back to its marker");
    if (back) {
      await back.click();
      await page.waitForTimeout(100);
      check(new URL(page.url()).hash === "#" + markerId, "the back link returns to the marker", page.url());
      check(await inView(page, "#" + markerId), "the marker is on screen after the back link");
    }
    // live concordance
    await page.fill("#search", "Soviet");
    await page.waitForTimeout(100);
    const lines = await page.$$eval("#conc-lines tr.line", (rs) => rs.length);
    check(lines === Number(expected), "searching Soviet shows " + expected + " concordance lines", lines);
    const count = await page.textContent("#conc-count");
    check(count.startsWith(expected + " lines"), "the line count is written above the lines", count);
    const matchesOk = await page.$$eval("#conc-lines td.match", (ts) => ts.every((t) => /^soviet$/i.test(t.textContent)));
    check(matchesOk, "every concordance line's match is the word searched");
    for (const [q, n] of Object.entries(others)) {
      await page.fill("#search", q);
      await page.waitForTimeout(50);
      const got = await page.$$eval("#conc-lines tr.line", (rs) => rs.length);
      check(got === n, "searching " + q + " shows " + n + " lines, as doc:concordance", got);
    }
    await page.fill("#search", "");
    await page.waitForTimeout(50);
    check(await page.$eval("#concordance", (e) => e.hidden), "an empty search hides the concordance");
    // quiz mode: a right answer and a wrong one are marked
    await page.click("#mode-quiz");
    check(await page.$eval("#quiz", (e) => !e.hidden), "the quiz button shows the quiz");
    const qs = await page.evaluate(() => JSON.parse(document.getElementById("leninletter-data").textContent).questions);
    check(qs.length > 0, "the page carries questions", qs.length);
    const withChoices = qs.map((q, i) => [q, i + 1]).filter(([q]) => q.choices.length > 0);
    const cloze = qs.map((q, i) => [q, i + 1]).filter(([q]) => q.choices.length === 0);
    if (withChoices.length >= 2) {
      const [q1, i1] = withChoices[0];
      const buttons = await page.$$("#q" + i1 + " button.choice");
      const rightAt = q1.choices.indexOf(q1.answer);
      await buttons[rightAt].click();
      check(await page.$eval("#q" + i1, (e) => e.classList.contains("right")), "the right choice is marked right");
      const [q2, i2] = withChoices[1];
      const wrongAt = q2.choices.findIndex((c) => c !== q2.answer);
      await (await page.$$("#q" + i2 + " button.choice"))[wrongAt].click();
      check(await page.$eval("#q" + i2, (e) => e.classList.contains("wrong")), "a wrong choice is marked wrong");
      const fb = await page.textContent("#q" + i2 + " .feedback");
      check(fb.includes(q2.answer), "a wrong answer is told the right one", fb);
    } else {
      check(false, "the page has two multiple-choice questions", withChoices.length);
    }
    if (cloze.length >= 1) {
      const [q3, i3] = cloze[0];
      await page.fill("#q" + i3 + " input", q3.answer.toUpperCase());
      await page.click("#q" + i3 + " button.check");
      check(await page.$eval("#q" + i3, (e) => e.classList.contains("right")), "a typed cloze answer is marked right");
    }
    const score = await page.textContent("#quiz-score");
    check(/^\d+ right of 3 answered/.test(score), "the score counts the answers", score);
    if (shot) {
      await page.click("#mode-read");
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.fill("#search", "Black Hundreds");
      await page.waitForTimeout(100);
      await page.screenshot({ path: shot, fullPage: false });
      await page.fill("#search", "");
    }
    check(s.errors.length === 0, "no console errors", s.errors);
    check(s.requests.length === 0, "no network requests", s.requests);
    await s.context.close();

    // --- a hostile page stays inert
    const h = await open(b, hostile);
    await h.page.waitForTimeout(200);
    const scripts = await h.page.$$eval("script", (ss) => ss.length);
    check(scripts === 2, "the hostile page has only the page's own two scripts", scripts);
    check(await h.page.evaluate(() => window.__pwned === undefined), "no text of the hostile page ran");
    check((await h.page.$$("img")).length === 0, "no element came from the hostile text");
    check(h.dialogs.length === 0, "no dialog opened", h.dialogs);
    const text = await h.page.textContent("main");
    check(text.includes("<script>") && text.includes("]]>"), "the hostile text shows as text");
    await h.page.fill("#search", "script");
    await h.page.waitForTimeout(100);
    const hl = await h.page.$$eval("#conc-lines tr.line", (rs) => rs.length);
    check(hl > 0, "searching the hostile page works", hl);
    check(h.errors.length === 0, "no console errors on the hostile page", h.errors);
    check(h.requests.length === 0, "no network requests from the hostile page", h.requests);
    await h.context.close();
  } catch (e) {
    check(false, "the browser run", String(e && e.stack || e));
  } finally {
    await b.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(passed + " passed, " + failed + " failed");
  process.exit(failed === 0 ? 0 : 1);
})();
