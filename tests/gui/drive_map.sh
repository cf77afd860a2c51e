#!/usr/bin/env bash
# Drives a real streetweek map window with xdotool, as a person at the keyboard would: starts
# the map with the given options in OUTDIR (its own settings folder there), waits until the
# data has loaded (the window title then names it), then runs each step:
#   key:SEQ       xdotool key SEQ (e.g. key:d, key:ctrl+z)
#   type:TEXT     xdotool type TEXT (into the focused text field)
#   save:NAME     Ctrl+Shift+S, wait for the saved map image and keep it as OUTDIR/NAME.png
#   click:X,Y     a left click at window pixel X,Y
#   dblclick:X,Y  a double click there
#   drag:X,Y,U,V  press at X,Y, move to U,V, release
#   wheel:X,Y,N   N wheel steps down at X,Y (scrolls a panel; negative: up)
#   shot:NAME     a screenshot of the whole window as OUTDIR/NAME.png (ImageMagick's import)
#   wait:SECONDS
# Run it under a private X server: xvfb-run -a drive_map.sh BIN OUTDIR "OPTIONS" STEP...
set -euo pipefail
bin=$1 out=$2 options=$3
shift 3
cd "$out"
export XDG_CONFIG_HOME="$out/config"
# shellcheck disable=SC2086
"$bin" gui --size 1000x700 $options >"$out/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
win=$(timeout 60 xdotool search --sync --name "streetweek - " | head -1)
sleep 1.5 # the first analysis
xdotool windowfocus --sync "$win" || true
xdotool mousemove --window "$win" 500 400
for step in "$@"; do
  case $step in
    key:*) xdotool key "${step#key:}"; sleep 0.4 ;;
    type:*) xdotool type --delay 20 "${step#type:}"; sleep 0.4 ;;
    # The pointer rests on the target for a few frames first, as a hand does (ImGui's tabs
    # take a click only on an item hovered in the frame before).
    click:*) xy=${step#click:}; xdotool mousemove --window "$win" "${xy%,*}" "${xy#*,}"; sleep 0.15; xdotool click 1; sleep 0.4 ;;
    dblclick:*) xy=${step#dblclick:}; xdotool mousemove --window "$win" "${xy%,*}" "${xy#*,}"; sleep 0.15; xdotool click --repeat 2 --delay 80 1; sleep 0.4 ;;
    drag:*)
      IFS=, read -r x0 y0 x1 y1 <<<"${step#drag:}"
      xdotool mousemove --window "$win" "$x0" "$y0" mousedown 1; sleep 0.2
      for k in 1 2 3 4 5; do
        xdotool mousemove --window "$win" $((x0 + (x1 - x0) * k / 5)) $((y0 + (y1 - y0) * k / 5)); sleep 0.1
      done
      xdotool mouseup 1; sleep 0.4 ;;
    wheel:*)
      IFS=, read -r x y n <<<"${step#wheel:}"
      button=5; [ "$n" -lt 0 ] && { button=4; n=$((-n)); }
      xdotool mousemove --window "$win" "$x" "$y" click --repeat "$n" --delay 50 "$button"; sleep 0.4 ;;
    shot:*) import -window "$win" "${step#shot:}.png" ;;
    wait:*) sleep "${step#wait:}" ;;
    save:*)
      rm -f streetweek_map_*.png
      xdotool key ctrl+shift+s
      for _ in $(seq 100); do ls streetweek_map_*.png >/dev/null 2>&1 && break; sleep 0.1; done
      sleep 0.3
      mv streetweek_map_*.png "${step#save:}.png" ;;
    *) echo "drive_map.sh: unknown step $step" >&2; exit 2 ;;
  esac
done
