// The only module that imports CNCurses.
