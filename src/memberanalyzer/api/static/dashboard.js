// Live dashboard: listens to the server's event stream and redraws the figures and bar charts.
// Every value from the server is written with textContent, never as HTML: city and country
// names come from member records.
"use strict";

const DIMENSION_TITLES = {
  gender: "Gender",
  age_group: "Age group",
  age_group_by_gender: "Age group by gender",
  country: "Country",
  city: "City",
  nationality: "Nationality",
  registration_year: "Registration year",
};
// Dimensions with many values show their largest ones and sum the rest as "Other".
const TOP_VALUES = { country: 12, city: 12, nationality: 12 };
// Points of the ingest-rate line: one per update, two minutes at the default interval.
const RATE_POINTS = 120;

const numberFormat = new Intl.NumberFormat();
const rateHistory = [];
let source = null;

function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

function connect(asOf) {
  if (source !== null) {
    source.close();
  }
  setConnection("connecting");
  source = new EventSource("/dashboard/events?as_of=" + encodeURIComponent(asOf));
  source.addEventListener("snapshot", (event) => {
    setConnection("live");
    render(JSON.parse(event.data));
  });
  source.onerror = () => setConnection("reconnecting");
}

function setConnection(state) {
  const badge = document.getElementById("connection");
  badge.dataset.state = state;
  badge.textContent = state;
}

function setText(id, value) {
  document.getElementById(id).textContent = value;
}

function render(snapshot) {
  setText("member-count", numberFormat.format(snapshot.member_count));
  setText("members-in-store", numberFormat.format(snapshot.members_in_store));
  setText("accepted-total", numberFormat.format(snapshot.ingest.accepted_total));
  setText("rejected-total", numberFormat.format(snapshot.ingest.rejected_total));
  setText("ingest-rate", numberFormat.format(Math.round(snapshot.ingest.members_per_second)));
  setText("updated-at", new Date(snapshot.sent_at).toLocaleTimeString());
  setText("age-bounds", snapshot.age_bounds);
  drawRate(snapshot.ingest.members_per_second);
  drawCharts(snapshot.distributions);
}

function drawRate(rate) {
  rateHistory.push(rate);
  if (rateHistory.length > RATE_POINTS) {
    rateHistory.shift();
  }
  const highest = Math.max(1, ...rateHistory);
  const step = 120 / (RATE_POINTS - 1);
  const offset = RATE_POINTS - rateHistory.length;
  const points = rateHistory.map(
    (value, index) => `${((offset + index) * step).toFixed(1)},${(30 - (value / highest) * 28).toFixed(1)}`,
  );
  document.querySelector("#rate-chart polyline").setAttribute("points", points.join(" "));
}

function drawCharts(distributions) {
  const container = document.getElementById("charts");
  for (const [dimension, rows] of Object.entries(distributions)) {
    let card = document.getElementById("chart-" + dimension);
    if (card === null) {
      card = createCard(dimension);
      container.appendChild(card);
    }
    fillCard(card, dimension, rows);
  }
}

function createCard(dimension) {
  const card = document.createElement("article");
  card.className = "chart";
  card.id = "chart-" + dimension;
  const title = document.createElement("h2");
  title.textContent = DIMENSION_TITLES[dimension] || dimension;
  card.appendChild(title);
  const body = document.createElement("div");
  body.className = "rows";
  card.appendChild(body);
  return card;
}

function fillCard(card, dimension, rows) {
  const body = card.querySelector(".rows");
  body.replaceChildren();
  const shown = limitRows(dimension, rows);
  if (shown.length === 0 || shown.every((row) => row.count === 0)) {
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.textContent = "No members registered by this date.";
    body.appendChild(empty);
    return;
  }
  // Bars are scaled to the largest named value, so a large "Other" does not flatten them; its
  // own bar is cut at the full width.
  const named = shown.filter((row) => !row.other);
  const highest = Math.max(...(named.length ? named : shown).map((row) => row.count));
  for (const row of shown) {
    body.appendChild(createRow(dimension, row, highest));
  }
}

function limitRows(dimension, rows) {
  const limit = TOP_VALUES[dimension];
  if (limit === undefined || rows.length <= limit) {
    return rows;
  }
  const rest = rows.slice(limit);
  const other = {
    value: `Other (${rest.length})`,
    count: rest.reduce((sum, row) => sum + row.count, 0),
    percentage: rest.reduce((sum, row) => sum + row.percentage, 0),
    other: true,
  };
  return rows.slice(0, limit).concat([other]);
}

function createRow(dimension, row, highest) {
  const line = document.createElement("div");
  line.className = "row";
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = dimension === "age_group_by_gender" ? row.value.replace("|", " · ") : row.value;
  name.title = name.textContent;
  const track = document.createElement("span");
  track.className = "track";
  const bar = document.createElement("span");
  bar.className = "bar";
  bar.style.display = "block";
  bar.style.width = highest > 0 ? `${Math.min(100, (100 * row.count) / highest)}%` : "0";
  if (dimension === "gender" || dimension === "age_group_by_gender") {
    bar.dataset.gender = row.value.split("|").pop();
  }
  track.appendChild(bar);
  const count = document.createElement("span");
  count.className = "count";
  count.textContent = numberFormat.format(row.count);
  count.title = `${row.percentage.toFixed(2)} %`;
  line.append(name, track, count);
  return line;
}

function start() {
  const picker = document.getElementById("as-of");
  const requested = new URLSearchParams(window.location.search).get("as_of");
  picker.value = requested || todayUtc();
  picker.addEventListener("change", () => {
    if (picker.value) {
      connect(picker.value);
    }
  });
  connect(picker.value);
}

start();
