"""Drives the web UI of a running `vetter serve` in headless Chromium, as an analyst would.

Usage: python browser_check.py BASE_URL ARTICLE_FILE SCREENSHOT_DIR

1. Types "Vladimir Putin" into the search box, submits, and waits for the results (htmx swaps
   them into the page); Putin must be the first result and a match.
2. Clicks the first result and checks his entity page: his names in Latin and Cyrillic, his
   birth date, the lists he is on (sources) and why the records are one entity.
3. Follows the "Scan text" link, types the article into the text box and "Elon Musk" as subject,
   submits, and waits for the report: Putin's mentions must be highlighted as listed.

Each step saves a screenshot (search.png, entity.png, scan.png) in SCREENSHOT_DIR. Chromium and
chromedriver come from Debian (`chromium`, `chromium-driver`); nothing is downloaded.
"""

import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

base, article_path, out = sys.argv[1:4]
article = open(article_path, encoding="utf-8").read()

options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-dev-shm-usage", "--window-size=1366,900", "--hide-scrollbars"]:
    options.add_argument(flag)
driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
wait = WebDriverWait(driver, 30)


def check(condition, message):
    if not condition:
        driver.save_screenshot(os.path.join(out, "failure.png"))
        raise AssertionError(f"{message} (page {driver.current_url}, screenshot failure.png)")


def shot(name, element=None):
    path = os.path.join(out, name)
    if element is not None:
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -90)", element)
    driver.save_screenshot(path)
    print(f"screenshot {path}")


try:
    # 1. Search by typing.
    driver.get(base + "/")
    box = wait.until(ec.element_to_be_clickable((By.ID, "q")))
    check(driver.switch_to.active_element == box, "the search box has the focus when the page opens")
    box.send_keys("Vladimir Putin")
    driver.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    first = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#results ol.results li.result a.caption")))
    check("putin" in first.text.lower(), f"the first result is Putin, not `{first.text}`")
    badge = driver.find_element(By.CSS_SELECTOR, "#results li.result .badge")
    check("match" in badge.get_attribute("class"), f"the first result is a match: `{badge.text}`")
    count = driver.find_element(By.CSS_SELECTOR, "#results .count").text
    check("Vladimir Putin" in count, f"the count names the query: `{count}`")
    # Open the explanation of the first result before the screenshot.
    driver.find_element(By.CSS_SELECTOR, "#results li.result details summary").click()
    shot("search.png")

    # 2. The entity page, by clicking.
    first = driver.find_element(By.CSS_SELECTOR, "#results li.result a.caption")
    first.click()
    wait.until(ec.url_contains("/ui/entities/"))
    heading = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "article.entity h1")))
    check("putin" in heading.text.lower(), f"the entity page is Putin's: `{heading.text}`")
    page = driver.find_element(By.CSS_SELECTOR, "article.entity").text
    for needle in ["Names", "1952-10-07", "Sources", "us_ofac_sdn", "Why these records are one entity"]:
        check(needle in page, f"the entity page shows `{needle}`")
    check("путин" in page.lower(), "the entity page shows his name in Cyrillic")
    shot("entity.png")

    # 3. The scan page: type the article, submit, see the highlights.
    driver.find_element(By.LINK_TEXT, "Scan text").click()
    text = wait.until(ec.element_to_be_clickable((By.ID, "text")))
    text.send_keys(article)
    check(driver.find_element(By.ID, "text").get_attribute("value").strip() == article.strip(),
          "the text box holds the article as typed")
    driver.find_element(By.ID, "subject").send_keys("Elon Musk")
    driver.find_element(By.CSS_SELECTOR, "form.scan button[type=submit]").click()
    marks = wait.until(ec.visibility_of_all_elements_located((By.CSS_SELECTOR, "#report .scanned mark.m-listed")))
    listed = [m.text for m in marks]
    check(any("Putin" in m for m in listed), f"Putin is highlighted as listed: {listed}")
    check(not any("Musk" in m for m in listed), f"the subject is not highlighted as listed: {listed}")
    places = driver.find_elements(By.CSS_SELECTOR, "#report .scanned mark.m-place")
    check(places, "jurisdictions are highlighted")
    print(f"highlighted as listed: {sorted(set(listed))}; places: {len(places)}")
    shot("scan.png", driver.find_element(By.ID, "report"))
finally:
    driver.quit()
print("browser checks passed")
