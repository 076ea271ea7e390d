# SDG Monitor: set-up, tests, demo and packaging on Debian 12 (QGIS 3.22) or 13 (QGIS 3.40), as root.
# Every target installs what it needs and is safe to run twice.
SHELL := /bin/bash
PY := /usr/bin/python3
VENV := .venv
VPY := $(VENV)/bin/python
BUILD := .build
PLUGIN_LINK := $(BUILD)/plugins/sdg_monitor
STAMP_APT := $(BUILD)/apt.stamp
STAMP_VENV := $(VENV)/.stamp
NPM_DIR := $(BUILD)/npm
STAMP_NPM := $(NPM_DIR)/.stamp
export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR := $(CURDIR)/$(BUILD)/xdg
export QGIS_CUSTOM_CONFIG_PATH := $(CURDIR)/$(BUILD)/qgis-config
export PYTHONDONTWRITEBYTECODE := 1

# PostgreSQL's major version: 15 on Debian 12, 17 on Debian 13 (the shared results store's tests run a private cluster)
PG_MAJOR := $(if $(filter 13.% trixie%,$(shell cat /etc/debian_version 2>/dev/null)),17,15)
# The package list for a PostgreSQL major version ($(1)): this machine's below, Debian 13's for the test matrix.
apt_packages = qgis python3-qgis qgis-providers python3-pandas python3-numpy python3-pyqtgraph \
	python3-openpyxl python3-gdal python3-yaml gdal-bin python3-venv pyqt5-dev-tools qttools5-dev-tools \
	pyqt6-dev-tools qt6-l10n-tools zip fonts-wqy-microhei poppler-utils chromium chromium-driver postgresql \
	postgresql-$(1)-postgis-3 python3-psycopg2
APT_PACKAGES := $(call apt_packages,$(PG_MAJOR))

.PHONY: setup test test-matrix matrix-tools demo package qgis-process lint i18n clean bench bench-store

setup: $(STAMP_APT) $(STAMP_VENV) $(STAMP_NPM) $(PLUGIN_LINK) i18n/sdg_monitor_zh_CN.qm

$(STAMP_APT): Makefile
	@mkdir -p $(BUILD)
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		apt-get -o DPkg::Lock::Timeout=900 update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get -o DPkg::Lock::Timeout=900 install -y -qq $(APT_PACKAGES) xvfb xauth; \
	fi
	@command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq npm
	@touch $@

$(STAMP_VENV): requirements-test.txt $(STAMP_APT)
	$(PY) -m venv --system-site-packages $(VENV)
	$(VPY) -m pip install -q --disable-pip-version-check -r requirements-test.txt
	@touch $@

# The portal's JavaScript libraries (web/package-lock.json, exact versions) from the npm registry; the portal
# copies them from here (or from vendor/ in the plugin zip). Nothing is loaded from a CDN.
$(STAMP_NPM): web/package.json web/package-lock.json $(STAMP_APT)
	@mkdir -p $(NPM_DIR)
	cp web/package.json web/package-lock.json $(NPM_DIR)/
	cd $(NPM_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

$(PLUGIN_LINK):
	@mkdir -p $(BUILD)/plugins $(BUILD)/xdg $(BUILD)/qgis-config
	@chmod 700 $(BUILD)/xdg
	@ln -sfn $(CURDIR) $(PLUGIN_LINK)

# Optional (Qt 5 only): the plugin loads its icons by path; resources.qrc is kept for Qt Designer.
resources_rc.py: resources.qrc $(wildcard icons/*) $(STAMP_APT)
	pyrcc5 -o $@ resources.qrc

i18n/sdg_monitor_zh_CN.qm: i18n/sdg_monitor_zh_CN.ts $(STAMP_APT)
	$(PY) scripts/i18n.py --release-only

i18n: $(STAMP_APT)
	$(PY) scripts/i18n.py

# TESTS narrows the suite (e.g. make test TESTS=tests/test_qt6_ready.py); CI runs all of it.
TESTS ?= tests

test: setup
	$(VENV)/bin/ruff check .
	$(VPY) -m pytest -q $(TESTS)

# The whole suite in Debian 13 chroots with QGIS 3.40 and 3.44 (cached under /var/cache/sdg-monitor, rebuilt when
# APT_PACKAGES changes). MATRIX=3.44 runs one; TESTS narrows the suite there too.
matrix-tools:
	@command -v debootstrap >/dev/null || { apt-get -o DPkg::Lock::Timeout=900 update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq debootstrap; }

test-matrix: matrix-tools
	TESTS="$(TESTS)" MATRIX_PACKAGES="$(call apt_packages,17)" scripts/matrix.sh $(MATRIX)

lint: setup
	$(VENV)/bin/ruff check .

qgis-process: setup
	@scripts/qgis_process.sh list | grep -E '^\s*sdg:' || true

demo: setup
	$(VPY) scripts/demo.py

package: setup
	$(PY) scripts/package.py

bench: setup
	$(VPY) bench/run.py
	$(VPY) bench/store.py

bench-store: setup
	$(VPY) bench/store.py

clean:
	rm -rf $(BUILD) dist resources_rc.py i18n/*.qm
