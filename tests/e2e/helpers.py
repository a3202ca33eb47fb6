"""What the browser tests share besides fixtures: signing in as a test user."""

PASSWORD = "salasana-123"  # UserFactory's password


def log_in(page, base: str, username: str, *, lang: str = "en") -> None:
    page.goto(f"{base}/{lang}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/{lang}/my/projects/")
