#!/usr/bin/python3
"""vnum-fake-server's page (/_fake/) in a real browser: headless Chromium driven by Selenium.

Starts the fake server on 127.0.0.1 with a world, loads the page, buys a number with vnumctl and
sees the journal row and the state table change; arms response_lost with the page's form, buys
again and sees the fault applied (vnumctl exits 4, outcome_unknown, and the number is bought);
resets with the keyboard alone and sees the tables return to the world file. Also: the page never
shows the API key, fits a 400-pixel-wide window without scrolling sideways, and arriving rows move
nothing outside the journal. Every wait is bounded; the server and the browser are stopped here.

Environment: VNUM_FAKE_SERVER and VNUMCTL (the programs), VNUM_PAGE_SCREENSHOT (optional: where to
save a screenshot of the page after the lost answer, as the README shows it).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

API_KEY = "cc_page_test_key"
FIRST, SECOND = "66ea98514f0c1a121c76ec17", "66ea98514f0c1a121c76ec18"
WORLD = {
    "api_key": API_KEY,
    "cards": ["card_1SQmzoGOdUwLPbU6ll0QwsyH"],
    "numbers": [
        {"id": FIRST, "number": "+61400111222", "monthly_product": "prod_M1",
         "yearly_product": "prod_Y1"},
        {"id": SECOND, "number": "+61400111333", "monthly_product": "prod_M2",
         "yearly_product": "prod_Y2"},
    ],
}
WAIT = 15  # seconds, for anything the page shows after a poll (it polls every second)


def start_server(world_file):
    server = subprocess.Popen(
        [os.environ["VNUM_FAKE_SERVER"], "cellcast", "--world", world_file],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    line = ""
    while not line and time.monotonic() < deadline and server.poll() is None:
        line = server.stdout.readline()
    if not line:
        server.kill()
        raise RuntimeError("vnum-fake-server did not print its ready line within 10 s")
    ready = json.loads(line)
    assert ready["url"].startswith("http://127.0.0.1:"), ready
    return server, ready["url"]


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,1000", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps",
                 "--disable-extensions", "--disable-domain-reliability",
                 # Nothing but the loopback address resolves: the page must need no network.
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
        options.add_argument(flag)
    service = Service("/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    return driver


def vnumctl(url, *args):
    env = dict(os.environ, CELLCAST_API_KEY=API_KEY)
    done = subprocess.run([os.environ["VNUMCTL"], "--base-url", url, *args], env=env,
                          capture_output=True, text=True, timeout=30)
    return done.returncode, done.stdout + done.stderr


def purchase(url, number, product):
    return vnumctl(url, "cellcast", "purchase", "--card", "card_1SQmzoGOdUwLPbU6ll0QwsyH",
                   "--product", product, "--number", number, "--cycle", "month")


def wait_for(driver, what, condition):
    try:
        return WebDriverWait(driver, WAIT, poll_frequency=0.1).until(lambda d: condition(d))
    except TimeoutException:
        raise AssertionError("the page did not show " + what + " within " + str(WAIT) + " s")


def journal_rows(driver):
    """(sequence, method, path, status, route, outcome) of each journal row, newest first."""
    return driver.execute_script("""
      return [...document.querySelectorAll('#journal-rows tr:not(.detail)')].map((r) => [
        Number(r.dataset.sequence), ...[...r.cells].slice(1, 5).map((c) => c.textContent),
        r.dataset.outcome]);""")


def table(driver, name):
    """The rows of a state table as dicts of its cells' text; [] when it shows "none"."""
    return driver.execute_script("""
      const t = document.querySelector('table[data-table="' + arguments[0] + '"]');
      if (!t) return [];
      const heads = [...t.tHead.rows[0].cells].map((c) => c.dataset.column);
      return [...t.tBodies[0].rows].map((r) =>
        Object.fromEntries([...r.cells].map((c, i) => [heads[i], c.textContent])));""", name)


def number_states(driver):
    return {row["id"]: row["state"] for row in table(driver, "numbers")}


PURCHASE = "/api/v1/apiClient/virtual-number/purchase"
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        raise AssertionError(message)


def test_page(url, driver):
    driver.get(url + "/_fake/")
    wait_for(driver, "both numbers available",
             lambda d: number_states(d) == {FIRST: "available", SECOND: "available"})
    check(driver.find_element(By.ID, "provider").text == "cellcast", "the provider is named")
    check(journal_rows(driver) == [], "the journal starts empty")
    # A baseline for layout shifts from here on: rows arriving must move nothing else.
    driver.execute_script("""
      window.shifts = [];  // what moved outside the journal's own rows
      const rows = document.getElementById('journal-rows');
      new PerformanceObserver((list) => { for (const e of list.getEntries())
        for (const s of e.sources)
          if (s.node && !rows.contains(s.node))
            window.shifts.push(s.node.id || s.node.tagName + ' ' + s.node.textContent.slice(0, 40));
      }).observe({type: 'layout-shift'});
      window.faultsTop = document.getElementById('faults-title').getBoundingClientRect().top;""")

    code, out = purchase(url, FIRST, "prod_M1")
    check(code == 0, "vnumctl bought the first number: exit " + str(code) + ": " + out)
    wait_for(driver, "the purchase in the journal", lambda d: len(journal_rows(d)) == 1)
    check(journal_rows(driver) == [[1, "POST", PURCHASE, "200", "purchase_virtual_number",
                                     "applied"]], "journal: " + repr(journal_rows(driver)))
    wait_for(driver, "the first number subscribed",
             lambda d: number_states(d) == {FIRST: "subscribed", SECOND: "available"})

    # The form arms response_lost for purchases.
    Select(driver.find_element(By.ID, "fault-kind")).select_by_value("response_lost")
    Select(driver.find_element(By.ID, "fault-route")).select_by_value("purchase_virtual_number")
    check(not driver.find_element(By.ID, "fault-status").is_enabled(),
          "a status is asked for kind status only")
    driver.find_element(By.ID, "arm").click()
    wait_for(driver, "the armed fault", lambda d: table(d, "faults") == [
        {"kind": "response_lost", "status": "—", "retry_after": "—",
         "route": "purchase_virtual_number"}])
    check(driver.find_element(By.ID, "fault-result").text ==
          "Armed response_lost for purchase_virtual_number.", "the form says what it armed")

    code, out = purchase(url, SECOND, "prod_M2")
    check(code == 4, "a lost answer is outcome_unknown, exit 4, not " + str(code) + ": " + out)
    wait_for(driver, "the lost answer in the journal", lambda d: len(journal_rows(d)) == 2)
    check(journal_rows(driver)[0] == [2, "POST", PURCHASE, "200", "purchase_virtual_number",
                                      "response_lost"], "journal: " + repr(journal_rows(driver)))
    wait_for(driver, "the second number bought though its answer was lost",
             lambda d: number_states(d) == {FIRST: "subscribed", SECOND: "subscribed"})
    wait_for(driver, "the fault gone once fired", lambda d: table(d, "faults") == [])
    check(API_KEY not in driver.page_source, "the page never shows the API key")

    # The row's details show the request, the key masked.
    driver.find_element(By.CSS_SELECTOR, '#journal-rows tr[data-sequence="2"] button').click()
    detail = driver.find_element(By.CSS_SELECTOR, "#journal-rows tr.detail").text
    check("authorization: Bearer ***" in detail and '"number":"' + SECOND + '"' in detail,
          "the details show the masked header and the body: " + detail)

    moved = driver.execute_script("""return [window.shifts, window.faultsTop -
        document.getElementById('faults-title').getBoundingClientRect().top];""")
    check(moved == [[], 0], "arriving rows moved nothing (layout shifts, offset): " + repr(moved))

    shot = os.environ.get("VNUM_PAGE_SCREENSHOT")
    if shot:
        driver.save_screenshot(shot)

    # Reset with the keyboard alone: Tab reaches the button, Enter presses it.
    driver.find_element(By.TAG_NAME, "body").click()
    for _ in range(40):
        if driver.switch_to.active_element.get_attribute("id") == "reset":
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("id") == "reset",
          "Tab reaches the reset button")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(driver, "the world file's state after reset",
             lambda d: number_states(d) == {FIRST: "available", SECOND: "available"})
    wait_for(driver, "an empty journal after reset", lambda d: journal_rows(d) == [])
    check(table(driver, "custom_numbers") == [] and table(driver, "faults") == [],
          "reset leaves nothing else behind")
    check(driver.find_element(By.ID, "journal-summary").text ==
          "Journal: 0 received, the last 0 kept (limit 10000).", "the summary starts over")

    # Narrow: readable at 400 pixels without scrolling sideways.
    driver.set_window_size(400, 900)
    code, _ = purchase(url, FIRST, "prod_M1")
    check(code == 0, "bought again after reset")
    wait_for(driver, "the purchase after reset", lambda d: len(journal_rows(d)) == 1)
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
    check(overflow <= 0, "no sideways scrolling at 400 px: " + str(overflow) + " px too wide")


def main():
    for name in ("VNUM_FAKE_SERVER", "VNUMCTL"):
        if name not in os.environ:
            print(name + " is not set", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory() as work:
        world_file = os.path.join(work, "world.json")
        with open(world_file, "w") as f:
            json.dump(WORLD, f)
        server, url = start_server(world_file)
        driver = None
        try:
            driver = start_browser()
            test_page(url, driver)
        finally:
            if driver is not None:
                driver.quit()
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    print("fake_page_test: " + str(checks) + " checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
