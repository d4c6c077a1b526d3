"""Drive Sphinx from outside: build each language, publish the site, measure the build."""
