mod api;
mod dashboard;
