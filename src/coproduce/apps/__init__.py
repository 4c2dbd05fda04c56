"""The learner app and the trainer app, built from `content`, `kinds`, `live` and `reports`.

Also the app's own chrome widgets (`chrome/`: join form, agenda buttons, connection watch, browser
identity), the module view, the QR code, and the small app notebooks Voila runs. May import every
room below it; never `serving` or `notebook`.
"""
