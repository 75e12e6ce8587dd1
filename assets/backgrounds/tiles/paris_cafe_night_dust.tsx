<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="paris_cafe_night_dust" tilewidth="32" tileheight="32" tilecount="12" columns="6">
 <image source="paris_cafe_night_dust.png" width="192" height="64"/>
 <tile id="0">
  <animation>
   <frame tileid="0" duration="170"/>
   <frame tileid="1" duration="170"/>
   <frame tileid="2" duration="170"/>
   <frame tileid="3" duration="170"/>
   <frame tileid="4" duration="170"/>
   <frame tileid="5" duration="170"/>
  </animation>
 </tile>
 <tile id="1">
  <animation>
   <frame tileid="0" duration="200"/>
   <frame tileid="1" duration="200"/>
   <frame tileid="2" duration="200"/>
   <frame tileid="3" duration="200"/>
   <frame tileid="4" duration="200"/>
   <frame tileid="5" duration="200"/>
  </animation>
 </tile>
 <tile id="2">
  <animation>
   <frame tileid="0" duration="230"/>
   <frame tileid="1" duration="230"/>
   <frame tileid="2" duration="230"/>
   <frame tileid="3" duration="230"/>
   <frame tileid="4" duration="230"/>
   <frame tileid="5" duration="230"/>
  </animation>
 </tile>
 <tile id="6">
  <animation>
   <frame tileid="6" duration="190"/>
   <frame tileid="7" duration="190"/>
   <frame tileid="8" duration="190"/>
   <frame tileid="9" duration="190"/>
   <frame tileid="10" duration="190"/>
   <frame tileid="11" duration="190"/>
  </animation>
 </tile>
 <tile id="7">
  <animation>
   <frame tileid="6" duration="220"/>
   <frame tileid="7" duration="220"/>
   <frame tileid="8" duration="220"/>
   <frame tileid="9" duration="220"/>
   <frame tileid="10" duration="220"/>
   <frame tileid="11" duration="220"/>
  </animation>
 </tile>
 <tile id="8">
  <animation>
   <frame tileid="6" duration="250"/>
   <frame tileid="7" duration="250"/>
   <frame tileid="8" duration="250"/>
   <frame tileid="9" duration="250"/>
   <frame tileid="10" duration="250"/>
   <frame tileid="11" duration="250"/>
  </animation>
 </tile>
</tileset>
