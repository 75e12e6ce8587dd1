<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="paris_cafe_day_dust" tilewidth="32" tileheight="32" tilecount="12" columns="6">
 <image source="paris_cafe_day_dust.png" width="192" height="64"/>
 <tile id="0">
  <animation>
   <frame tileid="0" duration="500"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="2" duration="250"/>
   <frame tileid="3" duration="250"/>
   <frame tileid="4" duration="500"/>
   <frame tileid="5" duration="250"/>
  </animation>
 </tile>
 <tile id="1">
  <animation>
   <frame tileid="0" duration="250"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="2" duration="250"/>
   <frame tileid="3" duration="500"/>
   <frame tileid="4" duration="250"/>
   <frame tileid="5" duration="250"/>
  </animation>
 </tile>
 <tile id="2">
  <animation>
   <frame tileid="0" duration="250"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="2" duration="500"/>
   <frame tileid="3" duration="250"/>
   <frame tileid="4" duration="250"/>
   <frame tileid="5" duration="250"/>
  </animation>
 </tile>
 <tile id="6">
  <animation>
   <frame tileid="6" duration="250"/>
   <frame tileid="7" duration="250"/>
   <frame tileid="8" duration="250"/>
   <frame tileid="9" duration="500"/>
   <frame tileid="10" duration="250"/>
   <frame tileid="11" duration="250"/>
  </animation>
 </tile>
 <tile id="7">
  <animation>
   <frame tileid="6" duration="250"/>
   <frame tileid="7" duration="250"/>
   <frame tileid="8" duration="500"/>
   <frame tileid="9" duration="250"/>
   <frame tileid="10" duration="250"/>
   <frame tileid="11" duration="250"/>
  </animation>
 </tile>
 <tile id="8">
  <animation>
   <frame tileid="6" duration="250"/>
   <frame tileid="7" duration="500"/>
   <frame tileid="8" duration="250"/>
   <frame tileid="9" duration="250"/>
   <frame tileid="10" duration="250"/>
   <frame tileid="11" duration="500"/>
  </animation>
 </tile>
</tileset>
