"""The HTTP requests FRB_candidates_app's upload_cand.py makes, reproduced request for request.

upload_cand.py (ADACS-Australia/FRB_candidates_app @ 8c78dfb) reads the pipeline YAML files with
yaml.safe_load and posts them with a requests session using HTTP Basic auth; this script makes the
same calls with the same libraries. The only difference: upload_cand.py computes ra_hms, dec_dms, gl
and gb with astropy, which these test machines lack, so the values astropy 8 prints for the example
position are written here as the strings it would send.

usage: upload_cand_requests.py BASE_URL --first OBS_YAML RADIO_YAML
       upload_cand_requests.py BASE_URL --update FRB_ID RADIO_YAML
Prints the FRB id on --first, as upload_cand.py does. Credentials from FRB_USER / FRB_PASS.
"""
import json
import os
import sys

import requests
import yaml

ASTROPY = {  # SkyCoord(77.01461542, 26.06069556, unit=deg): ra/dec to_string, galactic l/b
    "ra_hms": "5h08m03.5077008s",
    "dec_dms": "26d03m38.504016s",
    "gl": 177.76768559169042,
    "gb": -8.523065557461567,
}


def session():
    s = requests.session()
    s.auth = (os.environ["FRB_USER"], os.environ["FRB_PASS"])
    return s


def upload_radio(base, frb_id, radio, directory):
    data = {
        "frb": frb_id,
        "ra": radio["ra"],
        "dec": radio["dec"],
        "ra_hms": ASTROPY["ra_hms"],
        "dec_dms": ASTROPY["dec_dms"],
        "ra_pos_error": radio["ra_err"],
        "dec_pos_error": radio["dec_err"],
        "source": radio["source"],
        "version": radio["version"],
        "dm": radio["dm"],
        "dm_err": radio["dm_err"],
        "sn": radio["sn"],
        "width": radio["width"],
        "flux": radio["flux"],
        "flux_err": radio["flux_err"],
        "gl": ASTROPY["gl"],
        "gb": ASTROPY["gb"],
    }
    if "z" in radio:
        data["z"] = radio["z"]
    if "rm" in radio and "rm_err" in radio:
        data["rm"] = radio["rm"]
        data["rm_err"] = radio["rm_err"]
    if "fluence" in radio and "fluence_err" in radio:
        data["fluence"] = radio["fluence"]
        data["fluence_err"] = radio["fluence_err"]
    r = session().post(f"{base}/radio_measurement_create/", data=data)
    sys.stderr.write(f"radio_measurement_create {r.status_code} {r.text}\n")


def main():
    base, mode = sys.argv[1], sys.argv[2]
    if mode == "--first":
        obs_path, radio_path = sys.argv[3], sys.argv[4]
        with open(obs_path) as f:
            obs = yaml.safe_load(f)
        with open(radio_path) as f:
            radio = yaml.safe_load(f)
        directory = os.path.dirname(radio_path)
        keys = ["beam_semi_major_axis", "beam_semi_minor_axis", "beam_rotation_angle", "sampling_time", "bandwidth",
                "nchan", "centre_frequency", "npol", "bits_per_sample", "gain", "tsys", "backend", "beam"]
        r = session().post(f"{base}/observation_create/", data={k: obs[k] for k in keys})
        obs_id = json.loads(r.text)["id"]
        files = {
            "search_open": open(os.path.join(directory, radio["search_path"]), "rb"),
            "image_open": open(os.path.join(directory, radio["image_path"]), "rb"),
            "histogram_open": open(os.path.join(directory, radio["histogram_path"]), "rb"),
        }
        data = {"observation": obs_id, "time_of_arrival": radio["time_of_arrival"], "repeater": radio["repeater"]}
        r = session().post(f"{base}/frbevent_create/", data=data, files=files)
        frb_id = json.loads(r.text)["id"]
        print(frb_id)
        upload_radio(base, frb_id, radio, directory)
    elif mode == "--update":
        frb_id, radio_path = int(sys.argv[3]), sys.argv[4]
        with open(radio_path) as f:
            radio = yaml.safe_load(f)
        upload_radio(base, frb_id, radio, os.path.dirname(radio_path))


if __name__ == "__main__":
    main()
